"""Who is signed in: signed cookies, the sign-in grants kept in memory, CSRF, rate limits.

A session is a cookie holding who signed in and the form token (CSRF), signed with
HMAC-SHA256 under the key from ``[web] session_secret_env`` (never logged; without it, a
random key for this process, so everyone signs in again after a restart). The platform's
access token, needed to check again what the person may manage, never leaves the
process: it is kept in memory under the session's random id, and a session whose grant
is gone (a restart) signs in again. The operator's session (a one-time link) needs no
grant, so a sign-out is kept in ``closed``: the dashboard also keeps it in the store and
loads those at start, so a copy of a signed-out cookie stays refused after a restart.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

SESSION_COOKIE = "briefing_session"
SIGN_IN_COOKIE = "briefing_sign_in"
SIGN_IN_SECONDS = 600  # from leaving for Discord or Slack to coming back
OPERATOR = "operator"  # the platform of a session opened by a one-time link


@dataclass(frozen=True, slots=True)
class Identity:
    """Who signed in: ``platform`` is "discord", "slack" or "operator"."""

    platform: str
    user: str  # the platform's user id; "operator" for the operator
    name: str
    team: str = ""  # Slack: the workspace signed in to
    team_name: str = ""


@dataclass(frozen=True, slots=True)
class Session:
    sid: str
    identity: Identity
    csrf: str
    expires: float  # Unix time


@dataclass
class Grant:
    """What a platform gave at sign-in, for checking again later; in memory only."""

    token: str
    managed: dict[str, str] = field(default_factory=dict)  # tenant -> its name, last checked
    checked: float = 0.0  # monotonic time of that check; 0 = never
    expires: float = 0.0  # Unix time its session ends: forgotten after that


class Signer:
    """``sign(data) -> str`` and ``unsign(str) -> data | None``: JSON under an HMAC."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def sign(self, data: dict[str, Any]) -> str:
        body = _b64(json.dumps(data, separators=(",", ":"), sort_keys=True).encode())
        return f"{body}.{_b64(self._mac(body))}"

    def unsign(self, value: str) -> dict[str, Any] | None:
        body, _, mac = value.partition(".")
        if not body or not mac or not hmac.compare_digest(_b64(self._mac(body)), mac):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def _mac(self, body: str) -> bytes:
        return hmac.new(self._key, body.encode(), hashlib.sha256).digest()


class Sessions:
    """Sessions in signed cookies; the grants behind them in memory."""

    def __init__(
        self,
        key: bytes,
        *,
        hours: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.signer = Signer(key)
        self.seconds = hours * 3600
        self.clock = clock
        self.grants: dict[str, Grant] = {}
        # signed-out sid -> when its cookie expires (the dashboard keeps them in the store)
        self.closed: dict[str, float] = {}

    def open(self, identity: Identity, grant: Grant | None) -> tuple[Session, str]:
        """A new session (a new id: nothing of an earlier one carries over) and its cookie."""
        session = Session(
            sid=secrets.token_urlsafe(24),
            identity=identity,
            csrf=secrets.token_urlsafe(24),
            expires=self.clock() + self.seconds,
        )
        self._forget_expired()
        if grant is not None:
            grant.expires = session.expires
            self.grants[session.sid] = grant
        cookie = self.signer.sign(
            {
                "sid": session.sid,
                "who": asdict(identity),
                "csrf": session.csrf,
                "exp": session.expires,
            }
        )
        return session, cookie

    def read(self, cookie: str | None) -> Session | None:
        """The session of a cookie: signed by us, not expired, its grant known (but for the
        operator's)."""
        data = self.signer.unsign(cookie or "")
        if data is None:
            return None
        try:
            session = Session(
                sid=str(data["sid"]),
                identity=Identity(**data["who"]),
                csrf=str(data["csrf"]),
                expires=float(data["exp"]),
            )
        except (KeyError, TypeError, ValueError):
            return None
        if session.expires <= self.clock():
            self.grants.pop(session.sid, None)
            return None
        if session.sid in self.closed:
            return None
        if session.identity.platform != OPERATOR and session.sid not in self.grants:
            return None
        return session

    def close(self, session: Session) -> None:
        """Sign out: the cookie stops working here even if a copy of it is kept (the
        operator's needs no grant, so dropping the grant alone would not end it)."""
        self.grants.pop(session.sid, None)
        self._forget_expired()
        self.closed[session.sid] = session.expires

    def _forget_expired(self) -> None:
        """Drop what sessions past their end left behind: a session nobody comes back to
        would otherwise keep its grant (and its access token) in memory for good."""
        now = self.clock()
        self.grants = {sid: grant for sid, grant in self.grants.items() if grant.expires > now}
        self.closed = {sid: until for sid, until in self.closed.items() if until > now}


def csrf_ok(session: Session | None, sent: str) -> bool:
    """Whether a form carries its session's token."""
    return session is not None and bool(sent) and hmac.compare_digest(session.csrf, sent)


class RateLimit:
    """At most ``count`` attempts per ``seconds`` from one address (sign-in, links)."""

    def __init__(
        self, count: int, seconds: float, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.count = count
        self.seconds = seconds
        self.clock = clock
        self._seen: dict[str, deque[float]] = {}

    def allow(self, who: str) -> bool:
        now = self.clock()
        seen = self._seen.setdefault(who, deque())
        while seen and seen[0] <= now - self.seconds:
            seen.popleft()
        if len(seen) >= self.count:
            return False
        seen.append(now)
        if len(self._seen) > 10_000:  # forget addresses that went quiet
            self._seen = {key: value for key, value in self._seen.items() if value}
        return True


def pkce_pair() -> tuple[str, str]:
    """A PKCE code verifier and its S256 challenge (RFC 7636)."""
    verifier = secrets.token_urlsafe(48)
    challenge = _b64(hashlib.sha256(verifier.encode("ascii")).digest())
    return verifier, challenge


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")
