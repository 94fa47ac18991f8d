"""Browser-test fixtures: one headless Debian Chromium per session, a Korean context per test, an
axe check for every visited page and sign-in through allauth's real form.

Every page that `assert_accessible` checks is also screenshotted into memory; when the test fails,
those screenshots and the page as it was at the failure are written to test-results/. The helpers
are handed to tests as fixtures so that no test module has to import this one by name."""

from __future__ import annotations

import contextlib
import datetime
import os
import re
from collections.abc import Callable, Generator, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from talenthub.testing.personas import PASSWORD, World, build_world

# Playwright's sync API runs an event loop in this thread; Django would then refuse ORM calls from
# the test body (SynchronousOnlyOperation) although nothing here is actually asynchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results"
DESKTOP = {"width": 1280, "height": 900}
BLOCKING_IMPACTS = {"serious", "critical"}

# Trainees enrolled in the catalogue's cohorts (roll-ups must never show them).
TRAINEE_NAMES = ["박서연", "이도윤", "최하은", "정민준"]

_axe = Axe()
# Screenshots of the pages each open page has visited, kept until the test's outcome is known.
_visited: dict[int, list[tuple[str, bytes]]] = {}
# Pages without JavaScript: axe cannot run there (page.evaluate would wait forever).
_scriptless: set[int] = set()


class LiveServer(Protocol):
    url: str


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[Any]:
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


# --- Helpers --------------------------------------------------------------------------------------


def check_accessible(page: Page) -> None:
    """Fail on any axe violation of impact serious or critical, naming rule, help and nodes."""
    if id(page) in _scriptless:
        raise RuntimeError("axe needs JavaScript: check the page in a context that has it")
    # JPEG: a fifth of a full-page PNG's time, and these are only read when a test fails.
    shot = page.screenshot(full_page=True, type="jpeg", quality=60)
    _visited.setdefault(id(page), []).append((page.url, shot))
    violations = _axe.run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    if blocking:
        lines = [f"{len(blocking)} serious/critical accessibility violation(s) on {page.url}:"]
        for violation in blocking:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            lines.extend(f"    {' '.join(map(str, n['target']))}" for n in violation["nodes"][:8])
        pytest.fail("\n".join(lines), pytrace=False)


def sign_in(page: Page, live_server: LiveServer, email: str, password: str = PASSWORD) -> None:
    """Sign in through allauth's form (checked with axe) and land on the dashboard."""
    page.goto(f"{live_server.url}/accounts/login/")
    check_accessible(page)
    form = page.locator("main form[method=post]", has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/dashboard/")


def _save_screenshots(nodeid: str, number: int, page: Page, shots: list[tuple[str, bytes]]) -> None:
    folder = RESULTS_DIR / re.sub(r"[^\w.-]+", "_", nodeid).strip("_")
    folder.mkdir(parents=True, exist_ok=True)
    for index, (url, jpeg) in enumerate(shots, start=1):
        (folder / f"page{number}-{index:02d}-{_slug(url)}.jpeg").write_bytes(jpeg)
    with contextlib.suppress(Exception):  # a closed or crashed page has nothing left to show
        page.screenshot(path=folder / f"page{number}-failure-{_slug(page.url)}.png", full_page=True)


def _slug(url: str) -> str:
    path = re.sub(r"^https?://[^/]+", "", url)
    return re.sub(r"[^\w-]+", "_", path).strip("_")[:60] or "home"


# --- Browser fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Callable[..., Page]]:
    """Factory of pages, each in a fresh Korean context (headless Chromium asks for en-US
    otherwise). Keyword arguments override the context's options (viewport, JavaScript...)."""
    contexts: list[BrowserContext] = []
    pages: list[Page] = []

    def make(**options: Any) -> Page:
        context = browser.new_context(
            **{"locale": "ko-KR", "timezone_id": "Asia/Seoul", "viewport": DESKTOP, **options}
        )
        context.set_default_timeout(15_000)  # generous: CI machines here are often busy
        contexts.append(context)
        page = context.new_page()
        _visited[id(page)] = []
        if options.get("java_script_enabled") is False:
            _scriptless.add(id(page))
        pages.append(page)
        return page

    yield make
    report = getattr(request.node, "rep_call", None)
    failed = report is None or report.failed
    for number, page in enumerate(pages):
        shots = _visited.pop(id(page), [])
        _scriptless.discard(id(page))
        if failed:
            _save_screenshots(request.node.nodeid, number, page, shots)
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    return new_page()


@pytest.fixture
def assert_accessible() -> Callable[[Page], None]:
    return check_accessible


@pytest.fixture
def login() -> Callable[..., None]:
    return sign_in


# --- Data -----------------------------------------------------------------------------------------


@pytest.fixture
def e2e_world(transactional_db: None, live_server: LiveServer) -> World:
    """The personas' world, committed so that the live server's thread sees it, with verified
    e-mail addresses (sign-in needs one: ACCOUNT_EMAIL_VERIFICATION is mandatory) and a varied
    catalogue: several tracks, levels, domains and sites in both hubs."""
    from django.core.cache import cache
    from django.db import transaction

    cache.clear()  # allauth's rate limits live in the cache and would carry over between tests
    # One transaction: the reports app then refreshes its rollups once, on commit, instead of once
    # per record written (eager Celery in tests makes each refresh synchronous).
    with transaction.atomic():
        world = build_world()
        _add_catalogue(world)
        _verify_emails()
    return world


def _verify_emails() -> None:
    from allauth.account.models import EmailAddress

    from talenthub.accounts.models import User

    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in User.objects.all()
    )


def _add_catalogue(world: World) -> None:
    """Eight catalogue cohorts besides the world's two AI ones (3 big data, 2 IoT, 1 cloud, 1 AI,
    1 metaverse) over two sites in hub alpha and one in beta, four enrolled trainees, a schedule
    for the first big-data cohort; and a cancelled cohort and an unpublished course that must
    never show in the catalogue."""
    from talenthub.testing.factories import (
        CohortFactory,
        CourseFactory,
        EnrollmentFactory,
        SessionDayFactory,
        SiteFactory,
        UserFactory,
    )

    alpha, beta = world.hub, world.other_hub
    main_site = world.cohort.site
    annex = SiteFactory(hub=alpha, name="전주 분원")
    beta_site = world.other_cohort.site

    def course(hub: Any, code: str, title: str, track: str, level: str, domain: str) -> Any:
        return CourseFactory(
            hub=hub,
            code=code,
            title=title,
            track=track,
            level=level,
            industry_domain=domain,
            hours=120,
            description=f"{title} 과정입니다.",
        )

    def cohort(course_: Any, number: int, starts: datetime.date, site: Any, **kw: Any) -> Any:
        return CohortFactory(
            course=course_,
            number=number,
            starts_on=starts,
            ends_on=starts + datetime.timedelta(days=40),
            site=site,
            **kw,
        )

    big_data = course(alpha, "BD-110", "빅데이터 분석 입문", "big_data", "beginner", "agri_bio")
    bd1 = cohort(big_data, 1, datetime.date(2025, 4, 7), main_site)
    cohort(big_data, 2, datetime.date(2025, 9, 1), annex)
    big_data_beta = course(beta, "BD-210", "금융 빅데이터 실전", "big_data", "advanced", "finance")
    cohort(big_data_beta, 1, datetime.date(2025, 5, 12), beta_site)
    iot = course(alpha, "IOT-120", "스마트팜 IoT 실습", "iot", "intermediate", "agri_bio")
    cohort(iot, 1, datetime.date(2025, 6, 2), annex, status="in_progress")
    cohort(iot, 2, datetime.date(2025, 10, 6), annex, status="planned")
    cloud = course(beta, "CL-130", "클라우드 네이티브 운영", "cloud", "intermediate", "public")
    cohort(cloud, 1, datetime.date(2025, 7, 7), beta_site)
    vision = course(alpha, "AI-301", "컴퓨터 비전 심화", "ai", "advanced", "manufacturing")
    cohort(vision, 1, datetime.date(2025, 8, 4), main_site, status="finished")
    metaverse = course(beta, "MV-140", "메타버스 콘텐츠 제작", "metaverse", "beginner", "culture")
    cohort(metaverse, 1, datetime.date(2025, 11, 3), beta_site)
    cohort(metaverse, 2, datetime.date(2025, 12, 1), beta_site, status="cancelled")
    hidden = CourseFactory(hub=alpha, code="X-999", title="비공개 준비 과정", is_published=False)
    cohort(hidden, 1, datetime.date(2025, 5, 5), main_site)

    for offset, (starts, ends, hours) in enumerate(
        [("09:00", "18:00", "8.0"), ("09:00", "18:00", "8.0"), ("13:00", "17:00", "4.0")]
    ):
        SessionDayFactory(
            cohort=bd1,
            date=bd1.starts_on + datetime.timedelta(days=offset),
            starts_at=datetime.time.fromisoformat(starts),
            ends_at=datetime.time.fromisoformat(ends),
            hours=Decimal(hours),
        )
    for name, target in zip(
        TRAINEE_NAMES, [bd1, bd1, world.cohort, world.other_cohort], strict=True
    ):
        EnrollmentFactory(cohort=target, user=UserFactory(name=name))
