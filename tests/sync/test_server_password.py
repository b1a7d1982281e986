"""修改密码: the current password first, the rules every password keeps, throttled like a
login (on the same count), and every other login of the person ended."""

from __future__ import annotations

from .conftest import Api, login

PASSWORD = "/api/v1/auth/password"
REFRESH = "/api/v1/auth/refresh"
NEW = "a-new-password-2027"


def _change(api: Api, token: str, current: str, new: str) -> tuple[int, str]:
    answer = api.post(PASSWORD, json={"current_password": current, "new_password": new},
                      headers={"Authorization": f"Bearer {token}"})
    return answer.status_code, answer.json()["code"] if answer.content else ""


def test_the_new_password_works_the_old_one_not_and_other_logins_end(api: Api) -> None:
    here = login(api, "office.clerk").json()
    elsewhere = login(api, "office.clerk").json()  # the same person on another computer
    assert _change(api, here["access_token"], "demo-password", NEW) == (204, "")
    assert login(api, "office.clerk").status_code == 401
    assert login(api, "office.clerk", NEW).status_code == 200
    assert api.post(REFRESH, json={"refresh_token": elsewhere["refresh_token"]}).status_code \
        == 401
    assert api.post(REFRESH, json={"refresh_token": here["refresh_token"]}).status_code == 200


def test_the_rules_hold_and_nothing_changes_when_refused(api: Api) -> None:
    token = login(api, "office.leader").json()["access_token"]
    for new, code in (("short", "auth.weak_password"), (" padded-password", "auth.weak_password"),
                      ("office.leader", "auth.weak_password"),
                      ("demo-password", "auth.same_password")):
        assert _change(api, token, "demo-password", new) == (422, code), new
    assert _change(api, token, "not-my-password", NEW) == (403, "auth.wrong_password")
    assert login(api, "office.leader").status_code == 200  # the old password still works


def test_guessing_the_current_password_is_throttled_with_logins(api: Api) -> None:
    token = login(api, "office.reviewer").json()["access_token"]
    for _ in range(5):
        assert _change(api, token, "guess", NEW)[0] == 403
    assert _change(api, token, "demo-password", NEW) == (429, "auth.throttled")
    assert login(api, "office.reviewer").status_code == 429  # one count for both


def test_it_needs_a_login_and_a_well_formed_body(api: Api) -> None:
    assert api.post(PASSWORD, json={"current_password": "x", "new_password": NEW}
                    ).status_code == 401
    token = login(api, "office.clerk").json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    for body in ({}, {"current_password": "demo-password"}, {"new_password": 5},
                 {"current_password": "", "new_password": NEW}, [1]):
        answer = api.post(PASSWORD, json=body, headers=headers)
        assert answer.status_code == 422, body
