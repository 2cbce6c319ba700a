"""V-Connect Auto's back-office services (issue 16, VA-1..VA-10): customers, quotes,
their life until a policy, and the policy's endorsements and cancellation. They take a
session, `now` and plain values, flush only and raise portal.backoffice.errors."""

from portal.backoffice.vconnect_auto.policy import s2_pack_chosen

__all__ = ["s2_pack_chosen"]
