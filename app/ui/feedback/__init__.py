"""The Feedback page: the report on a take, its transcript, and the natural-voice yardstick."""

from app.ui.feedback.page import FeedbackPage

__all__ = ["FeedbackPage"]
