"""What a buyer or seller asked for that the rules do not allow: a stable code and a localised message."""

from __future__ import annotations

from typing import Any

from parley.policy.i18n import N_, render

ORDER_NOT_FOUND = N_("Order %(order_id)s was not found among your orders.")
NOT_DELIVERED = N_("Order %(order_id)s has not been delivered yet: feedback opens once it arrives.")
LEAVE_WINDOW = N_("Feedback on order %(order_id)s could be left until %(deadline)s, %(days)s days after delivery.")
ALREADY_LEFT = N_("Feedback on order %(order_id)s has already been left; each order takes one feedback.")
RATING = N_("The rating must be a whole number from 1 to 5, not %(rating)s.")
COMMENT_EMPTY = N_("Write a comment to go with the rating.")
COMMENT_TOO_LONG = N_("The comment is %(length)s characters long; the limit is %(limit)s.")
EDIT_WINDOW = N_(
    "Feedback can be edited or removed for %(days)s days after it was left; for this one that ended on %(deadline)s."
)
FEEDBACK_NOT_FOUND = N_("Feedback %(feedback_id)s was not found.")
FEEDBACK_REMOVED = N_("Feedback %(feedback_id)s has been removed.")
ALREADY_STRUCK = N_("Feedback %(feedback_id)s is already struck through.")


class FeedbackError(ValueError):
    """``code`` is stable (``leave_window_closed``, ``already_left`` ...) for scripts; the message is for people."""

    def __init__(self, code: str, message_id: str, **params: Any) -> None:
        super().__init__(render(message_id, "en", params))
        self.code = code
        self.message_id = message_id
        self.params = params

    def message(self, language: str | None) -> str:
        return render(self.message_id, language, self.params)

    def to_dict(self, language: str | None) -> dict[str, Any]:
        return {"error": self.code, "message": self.message(language)}
