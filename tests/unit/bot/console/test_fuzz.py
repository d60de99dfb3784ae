"""Property-based: whatever is posted or searched (empty, 100 KB, binary, control characters, injection
strings, emoji), the console never answers with a 5xx and never echoes markup unescaped."""
from __future__ import annotations

from typing import Dict, Iterator, Tuple
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.queries import KnowledgeBase

from .conftest import Client, ConsoleServer, make_console

pytestmark = pytest.mark.slow  # ~45 s: 1 200 requests (left out of `make test-fast`, run by `make test`)

EXAMPLES = 1200
INJECTIONS = [
    "' OR '1'='1' --",
    '"; DROP TABLE staff_users; --',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{7*7}}${7*7}<%= 7*7 %>",
    "${jndi:ldap://example.org/a}",
    "../../../../etc/passwd",
    "%00%0d%0aSet-Cookie: evil=1",
    "\r\nX-Injected: 1",
    "\x00\x01\x02\x1b[31m\x7f",
    "\u202egnp.exe",
    "\ud800\udfff\udbff",
    "javascript:alert(1)",
    "😀👩‍💻🇰🇷" * 20,
    "면접 정장 " * 50,
    "/console/../../",
]
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]

texts = st.one_of(
    st.just(""),
    st.sampled_from(INJECTIONS),
    st.text(max_size=300),  # any code point, control characters and lone surrogates included
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=60),
    st.text(alphabet=st.sampled_from(list("가나다힣ㄱㅎ😀🎉👩‍💻🇰🇷 \n\t")), max_size=120),
    st.builds(lambda unit, n: unit * n, st.sampled_from(["a", "가", "😀", "<"]), st.integers(25_600, 102_400)),  # ~100 KB
)
raw_bodies = st.one_of(st.binary(max_size=2000), st.binary(min_size=100_000, max_size=102_400), texts.map(lambda t: t.encode("utf-8", "surrogatepass")))
content_types = st.sampled_from(
    ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=latin-1", "multipart/form-data; boundary=x",
     "multipart/form-data", "application/json", "text/plain", "", "\x7f/\x00"]
)


def encode(value: str) -> str:
    return quote_from_bytes(value.encode("utf-8", "surrogatepass"))


def form_body(fields: Dict[str, str]) -> bytes:
    return "&".join(f"{encode(k)}={encode(v)}" for k, v in fields.items()).encode("ascii")


@st.composite
def cases(draw) -> Tuple[str, ...]:
    kind = draw(st.sampled_from(["login", "reply", "take", "search", "raw", "handoff", "analytics"]))
    return kind, draw(texts), draw(texts), draw(st.booleans()), draw(raw_bodies), draw(content_types), draw(st.text(max_size=30))


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory, kb: KnowledgeBase) -> Iterator[Tuple[ConsoleServer, Client, int]]:
    runner, console = make_console(tmp_path_factory.mktemp("fuzz"), kb)
    staff = console.client()
    assert staff.login().status == 303
    handoff = console.handoffs.request("rest-fuzz-citizen", "상담원 연결해줘", "rest")
    assert staff.post(f"/console/handoffs/{handoff.id}/take", {"csrf_token": staff.csrf()}).status == 303
    yield console, staff, handoff.id
    runner.stop()
    console.engine.dispose()


def test_no_input_gets_a_server_error(setup) -> None:
    console, staff, handoff_id = setup
    csrf = staff.csrf()
    sent = {"count": 0}
    statuses: Dict[int, int] = {}

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(cases())
    def check(case) -> None:
        kind, first, second, valid_token, raw, content_type, path = case
        form_headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if kind == "login":
            client = console.client()
            token = client.get("/console/login").csrf() if valid_token else first[:80]
            name = "tester" if valid_token and not second else first
            reply = client.request("POST", "/console/login", form_body({"csrf_token": token, "name": name, "password": second}), form_headers)
        elif kind == "reply":
            fields = {"csrf_token": csrf if valid_token else first[:100], "text": first if valid_token else second}
            reply = staff.request("POST", f"/console/handoffs/{handoff_id}/reply", form_body(fields), form_headers)
        elif kind == "take":
            fields = {"csrf_token": csrf if valid_token else second[:100], first[:50]: second}
            reply = staff.request("POST", f"/console/handoffs/{handoff_id}/take", form_body(fields), form_headers)
        elif kind == "search":
            reply = staff.request("GET", "/console/search?q=" + encode(first) + ("&q=" + encode(second) if valid_token else ""))
        elif kind == "raw":
            target = ["/console/login", "/console/logout", f"/console/handoffs/{handoff_id}/reply",
                      f"/console/handoffs/{handoff_id}/hand-back", "/console/search"][len(path) % 5]
            client = staff if valid_token else console.client()
            headers = {"Content-Type": content_type} if content_type else {}
            reply = client.request("POST", target, raw, headers)
        elif kind == "handoff":
            reply = staff.request("GET", "/console/handoffs/" + encode(first[:200]))
        else:
            reply = staff.request("GET", "/console/analytics?days=" + encode(first[:200]))
        sent["count"] += 1
        statuses[reply.status] = statuses.get(reply.status, 0) + 1
        assert reply.status < 500, (kind, reply.status, reply.text[:500])
        for markup in MARKUP:
            assert markup not in reply.text, (kind, markup)

    check()
    assert sent["count"] >= 1000, sent
    # the session survived everything (no valid logout or hand-back was ever generated)
    assert staff.get("/console/queue").status == 200
    assert {200, 303, 403} <= set(statuses), statuses
