"""A pull page is spliced together as text: it must be the JSON a JSON library would write."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from sync.server.storage.pull import _change


@given(seq=st.integers(min_value=1, max_value=2**53), kind=st.text(), entity_id=st.text(),
       op=st.text(), data=st.none() | st.dictionaries(st.text(), st.text() | st.integers()))
def test_a_change_is_written_as_json_dumps_would(seq: int, kind: str, entity_id: str, op: str,
                                                  data: dict[str, object] | None) -> None:
    # The stored payload is spliced in as it is (here: written compactly too).
    payload = None if data is None else json.dumps(data, ensure_ascii=False,
                                                   separators=(",", ":"))
    written = _change(seq, kind, entity_id, op, payload)
    expected = json.dumps({"seq": seq, "kind": kind, "id": entity_id, "op": op, "data": data},
                          ensure_ascii=False, separators=(",", ":"))
    assert written == expected
    assert json.loads(written) == {"seq": seq, "kind": kind, "id": entity_id, "op": op,
                                   "data": data}
