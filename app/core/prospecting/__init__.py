"""The daily prospecting block: prospects, the queue, real calls, block time and the habit."""

from app.core.prospecting.blocks import HEARTBEAT_S, BlockStore, BlockTimer
from app.core.prospecting.models import (
    OUTCOMES,
    TIERS,
    CallLog,
    Outcome,
    Prospect,
    ProspectDraft,
    Tier,
)
from app.core.prospecting.prospects import ProspectStore
from app.core.prospecting.settings import BlockSettings, load_block_settings, save_block_settings

__all__ = [
    "HEARTBEAT_S",
    "OUTCOMES",
    "TIERS",
    "BlockSettings",
    "BlockStore",
    "BlockTimer",
    "CallLog",
    "Outcome",
    "Prospect",
    "ProspectDraft",
    "ProspectStore",
    "Tier",
    "load_block_settings",
    "save_block_settings",
]
