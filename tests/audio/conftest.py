from __future__ import annotations

from typing import Any

import pytest

from tests.audio import rig


@pytest.fixture(scope="session")
def sd() -> Any:
    return rig.start()
