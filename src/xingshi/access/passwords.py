"""Password hashing: argon2id with the OWASP minimum (m=19 MiB, t=2, p=1), bounded in parallel.

A login costs one hash; without a bound, a burst of logins would take every core and memory
from the pages. `MAX_CONCURRENT_HASHES` hashes run at once, the rest wait their turn.
"""

from __future__ import annotations

import os
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from xingshi.errors import InputError

MEMORY_KIB = 19 * 1024
TIME_COST = 2
PARALLELISM = 1
MAX_CONCURRENT_HASHES = max(1, min(4, os.cpu_count() or 1))
MIN_LENGTH = 8

_hasher = PasswordHasher(
    time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM, hash_len=32, salt_len=16
)
_slots = threading.BoundedSemaphore(MAX_CONCURRENT_HASHES)
# Verified against when the user does not exist, so a wrong name costs as long as a wrong password.
_DUMMY = _hasher.hash("xingshi-no-such-user")


def check_strength(password: str) -> None:
    """Refuse passwords that are too short to protect an account."""
    if len(password) < MIN_LENGTH:
        raise InputError(
            f"密码太短（{len(password)} 个字符）",
            hint=f"密码至少 {MIN_LENGTH} 个字符，建议字母、数字和符号混合",
        )


def hash_password(password: str) -> str:
    """The argon2id hash (PHC string with its salt and parameters)."""
    with _slots:
        return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """True when `password` matches `stored`; a missing hash still costs one verification."""
    with _slots:
        try:
            return _hasher.verify(stored or _DUMMY, password) and stored is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
