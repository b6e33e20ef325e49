"""Service listeners that do not keep a widget alive."""

from __future__ import annotations

import weakref

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from festival_app.services import FestivalService


def subscribe_weakly(service: FestivalService, owner: QWidget, method_name: str) -> None:
    """Listen to the service without keeping `owner` alive, and stop once Qt deleted it."""
    ref = weakref.ref(owner)

    def listener(kinds: frozenset[str]) -> None:
        target = ref()
        if target is not None and isValid(target):
            getattr(target, method_name)(kinds)

    service.subscribe(listener)
