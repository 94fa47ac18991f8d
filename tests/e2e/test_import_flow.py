"""An operator brings a messy trainee roster (CP949 CSV, phones and dates in every form, one bad
phone, one bad date), sees the dry run in Korean with each problem by row and column, uploads the
corrected file and imports it; then the API docs page works under the strict CSP. Each page is
checked with axe."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from talenthub.testing.personas import World

pytestmark = pytest.mark.e2e

HEADER = ["이름", "휴대전화", "이메일", "생년월일", "성별", "구직희망(Y/N)"]
GOOD = [
    ["김하나", "010-2100-0001", "hana@example.kr", "1999-03-04", "여", "Y"],
    ["이두리", "01021000002", "duri@example.kr", "1998.05.06", "남", "N"],
    ["박세나", "+82 10-2100-0003", "sena@example.kr", "1997/7/8", "여", "Y"],
]


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("cp949")


def _upload(page: Page, base: str, data: bytes) -> None:
    page.goto(f"{base}/manage/imports/")
    form = page.locator("main form[enctype='multipart/form-data']")
    form.locator("select[name=kind]").select_option("trainees")
    form.locator("input[name=file]").set_input_files(
        {"name": "교육생명단.csv", "mimeType": "text/csv", "buffer": data}
    )
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/manage/imports/*/")


def test_an_operator_checks_a_messy_roster_fixes_it_and_imports_it(
    e2e_world: World,
    page: Page,
    live_server: Any,
    assert_accessible: Callable[[Page], None],
    login: Callable[..., None],
) -> None:
    from django.utils import translation

    from talenthub.accounts.models import User
    from talenthub.exchange.choices import ImportStatus

    translation.activate("ko")  # the page's language, for the labels compared below

    base = live_server.url
    login(page, live_server, e2e_world["operator"].email)
    page.goto(f"{base}/manage/imports/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)

    messy = [
        HEADER,
        *GOOD,
        ["최네오", "010-21-0004", "neo@example.kr", "1996-02-30", "남", "N"],
    ]
    _upload(page, base, _csv(messy))
    rows = page.get_by_test_id("import-rows")
    bad = rows.locator("tr.row-error")
    expect(bad).to_have_count(1)
    expect(bad.locator("th")).to_have_text("5")
    expect(bad).to_contain_text("[휴대전화]")
    expect(bad).to_contain_text("[생년월일]")
    expect(bad).to_contain_text("010-21-0004")
    expect(rows.locator("tr.row-create")).to_have_count(3)
    expect(page.get_by_role("alert")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "ko"
    expect(page.locator("form[action$='/commit/']")).to_have_count(0)
    assert_accessible(page)
    assert not User.objects.filter(email="hana@example.kr").exists()

    fixed = [HEADER, *GOOD, ["최네오", "010-2100-0004", "neo@example.kr", "1996-02-28", "남", "N"]]
    _upload(page, base, _csv(fixed))
    expect(page.get_by_test_id("import-rows").locator("tr.row-create")).to_have_count(4)
    assert_accessible(page)
    page.locator("form[action$='/commit/'] button[type=submit]").click()
    expect(page.get_by_test_id("import-status")).to_have_text(str(ImportStatus.COMMITTED.label))
    assert_accessible(page)
    assert User.objects.get(email="duri@example.kr").mobile == "010-2100-0002"
    assert (
        User.objects.filter(
            email__in=["hana@example.kr", "sena@example.kr", "neo@example.kr"]
        ).count()
        == 3
    )


def test_the_api_docs_render_from_local_files_under_the_strict_csp(
    e2e_world: World, page: Page, live_server: Any
) -> None:
    violations: list[str] = []
    requests: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server.url}/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("TalentHub API")
    expect(page.locator(".opblock").first).to_be_visible()
    assert [url for url in requests if not url.startswith(live_server.url)] == []
    assert violations == []
