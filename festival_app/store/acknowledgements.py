"""Acknowledged clashes: which clash keys the organizers accepted, and why."""

from __future__ import annotations

from festival_app.domain.clashes import Acknowledgement
from festival_app.store.engine import Store


class AcknowledgementRepository:
    """Rows of clash_acknowledgement (schema version 2)."""

    def __init__(self, db: Store) -> None:
        self.db = db

    def all(self) -> dict[str, str]:
        """Every acknowledged key with its reason."""
        rows = self.db.conn.execute("SELECT key, reason FROM clash_acknowledgement ORDER BY key")
        return dict(rows.fetchall())

    def get(self, key: str) -> Acknowledgement | None:
        row = self.db.conn.execute(
            "SELECT key, reason, acknowledged_at FROM clash_acknowledgement WHERE key = ?",
            (key,),
        ).fetchone()
        return Acknowledgement(row[0], row[1], row[2]) if row else None

    # -- writing (callers hold a transaction) ---------------------------------------

    def put(self, acknowledgement: Acknowledgement) -> None:
        """Insert or replace the acknowledgement of one key."""
        self.db.conn.execute(
            "INSERT INTO clash_acknowledgement (key, reason, acknowledged_at) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET reason = excluded.reason, "
            "acknowledged_at = excluded.acknowledged_at",
            (acknowledgement.key, acknowledgement.reason, acknowledgement.acknowledged_at),
        )

    def delete(self, key: str) -> None:
        self.db.conn.execute("DELETE FROM clash_acknowledgement WHERE key = ?", (key,))
