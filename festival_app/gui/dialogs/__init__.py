"""Dialogs: record editors, confirmations, error and crash reports."""
