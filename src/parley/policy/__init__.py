"""The policy engine: a pure library that checks one message against the guidelines.

>>> from parley.policy import check
>>> check("Hello, your order 203-1234567-1234567 has a problem: ...").allowed
"""

from parley.policy.context import Context, Direction, MessageKind
from parley.policy.engine import check
from parley.policy.message import Message
from parley.policy.rule import Action, Finding
from parley.policy.verdict import Decision, Verdict

__all__ = ["Action", "Context", "Decision", "Direction", "Finding", "Message", "MessageKind", "Verdict", "check"]
