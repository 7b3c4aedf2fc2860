"""The Live call tab: practising the call with a prospect who answers, objects and waits."""

from app.ui.practice.page import PracticePage

__all__ = ["PracticePage"]
