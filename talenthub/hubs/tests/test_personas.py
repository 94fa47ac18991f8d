from __future__ import annotations

from talenthub.hubs.selectors import operated_hub_ids


def test_operator_operates_only_their_own_hub(world):
    assert operated_hub_ids(world["operator"]) == {world.hub.id}
    assert operated_hub_ids(world["other_operator"]) == {world.other_hub.id}
    assert operated_hub_ids(world["outsider"]) == set()
