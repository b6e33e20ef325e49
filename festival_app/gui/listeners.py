"""The one way the window's parts hear about changes to the festival.

Every view, model and window listens through `subscribe_weakly`: the service does not keep
it alive, and it stops hearing once Qt has deleted it (a closed section, a replaced window).
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject
from shiboken6 import isValid

from festival_app.services import FestivalService


def subscribe_weakly(service: FestivalService, owner: QObject, method_name: str) -> None:
    """Listen to the service without keeping `owner` alive, and stop once Qt deleted it."""
    ref = weakref.ref(owner)

    def listener(topics: frozenset[str]) -> None:
        target = ref()
        if target is not None and isValid(target):
            getattr(target, method_name)(topics)

    service.subscribe(listener)
