"""Screenshots of the main pages for the docs, in Korean, from a running TalentHub (the demo).

    .venv/bin/python tests/e2e/screenshots.py --base-url http://127.0.0.1:8000 --out docs/img

Signs in through the real sign-in form with the demo logins (`manage.py demo-data --print-logins`)
and writes desktop (1280 px wide) PNGs of every page, plus phone-size (390x844) PNGs of the pages
a trainee opens on the go. Drives Debian's Chromium like the browser tests do."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, FloatRect, Page, ViewportSize, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--font-render-hinting=none",
]
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
# Long lists are cut here (CSS pixels): a docs picture needs the top of a page, not all of it.
MAX_HEIGHT = 2400


@dataclass(frozen=True)
class Options:
    base_url: str
    out: Path
    password: str
    operator: str
    trainee: str
    lead: str
    funder: str


def parse_args(argv: list[str]) -> Options:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=Path("docs/img"))
    parser.add_argument("--password", default="talenthub-demo", help="password of every login")
    parser.add_argument("--operator", default="operator@jeonju.demo")
    parser.add_argument("--trainee", default="trainee@jeonju.demo")
    parser.add_argument("--lead", default="lead@honam.demo", help="a consortium lead")
    parser.add_argument("--funder", default="funder@nipa.demo")
    args = parser.parse_args(argv)
    return Options(
        base_url=args.base_url.rstrip("/"),
        out=args.out,
        password=args.password,
        operator=args.operator,
        trainee=args.trainee,
        lead=args.lead,
        funder=args.funder,
    )


class Shooter:
    def __init__(self, browser: Browser, options: Options) -> None:
        self.browser = browser
        self.options = options
        self.written: list[Path] = []

    @contextmanager
    def page(self, *, phone: bool = False, email: str | None = None) -> Iterator[Page]:
        """A Korean page, signed in as `email` if given."""
        viewport = PHONE if phone else DESKTOP
        context = self.browser.new_context(
            locale="ko-KR",
            timezone_id="Asia/Seoul",
            viewport=viewport,
            device_scale_factor=2 if phone else 1,
            is_mobile=phone,
            has_touch=phone,
        )
        context.set_default_timeout(20_000)
        try:
            page = context.new_page()
            if email:
                self.sign_in(page, email)
            yield page
        finally:
            context.close()

    def sign_in(self, page: Page, email: str) -> None:
        page.goto(f"{self.options.base_url}/accounts/login/")
        form = page.locator("main form[method=post]", has=page.locator("input[name=password]"))
        form.locator("input[name=login]").fill(email)
        form.locator("input[name=password]").fill(self.options.password)
        form.locator("button[type=submit]").click()
        page.wait_for_url(f"{self.options.base_url}/dashboard/")

    def shoot(self, page: Page, path: str, name: str) -> None:
        url = path if path.startswith("http") else f"{self.options.base_url}{path}"
        response = page.goto(url)
        if response is None or response.status >= 400:
            status = response.status if response else "no response"
            raise SystemExit(f"{url}: {status}")
        page.wait_for_load_state("networkidle")
        target = self.options.out / f"{name}.png"
        width, height = page.evaluate(
            "() => [document.documentElement.clientWidth, document.documentElement.scrollHeight]"
        )
        clip: FloatRect = {"x": 0, "y": 0, "width": width, "height": min(height, MAX_HEIGHT)}
        page.screenshot(path=target, full_page=True, clip=clip)
        self.written.append(target)
        print(f"{target}  ←  {page.url}")


def first_href(page: Page, url: str, selector: str) -> str:
    page.goto(url)
    link = page.locator(selector).first
    href = link.get_attribute("href")
    if not href:
        raise SystemExit(f"no link matching {selector!r} on {url}")
    return href


def busiest_roster(page: Page, url: str) -> str:
    """The roster of the listed cohort with the most trainees (the newest cohorts are empty)."""
    page.goto(url)
    href: str | None = page.evaluate(
        """() => {
            let best = null, most = 0;
            for (const row of document.querySelectorAll("main table tbody tr")) {
                const link = row.querySelector("a[href*='/manage/cohorts/']");
                const seats = [...row.cells].map(c => c.innerText.match(/^(\\d+)\\s*\\/\\s*\\d+$/))
                    .find(Boolean);
                if (link && seats && Number(seats[1]) > most) {
                    most = Number(seats[1]);
                    best = link.getAttribute("href");
                }
            }
            return best;
        }"""
    )
    return href or first_href(page, url, "main table tbody a[href*='/manage/cohorts/']")


def run(options: Options) -> list[Path]:
    options.out.mkdir(parents=True, exist_ok=True)
    base = options.base_url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        shooter = Shooter(browser, options)
        with shooter.page() as page:
            cohort = first_href(page, f"{base}/courses/", "#catalogue-results .card h3 a")
            shooter.shoot(page, "/", "home")
            shooter.shoot(page, "/courses/", "catalogue")
            shooter.shoot(page, cohort, "cohort-detail")
            shooter.shoot(page, "/events/", "events")
        with shooter.page(email=options.operator) as page:
            shooter.shoot(page, "/dashboard/", "dashboard-operator")
            shooter.shoot(page, "/manage/events/", "manage-events")
            hub_dashboard = first_href(page, f"{base}/reports/", "main li a")
            shooter.shoot(page, hub_dashboard, "kpi-dashboard")
            shooter.shoot(page, "/manage/cohorts/", "manage-cohorts")
            roster = busiest_roster(page, f"{base}/manage/cohorts/")
            shooter.shoot(page, roster, "roster")
            shooter.shoot(page, "/backoffice/", "backoffice")
            shooter.shoot(page, "/backoffice/courses/course/", "backoffice-courses")
        for email, name in [
            (options.trainee, "dashboard-trainee"),
            (options.lead, "dashboard-consortium-lead"),
            (options.funder, "dashboard-funder"),
        ]:
            with shooter.page(email=email) as page:
                shooter.shoot(page, "/dashboard/", name)
        with shooter.page(phone=True) as page:
            shooter.shoot(page, "/", "phone-home")
            shooter.shoot(page, "/courses/", "phone-catalogue")
            shooter.shoot(page, cohort, "phone-cohort-detail")
            shooter.shoot(page, "/accounts/login/", "phone-sign-in")
        with shooter.page(phone=True, email=options.trainee) as page:
            shooter.shoot(page, "/dashboard/", "phone-dashboard-trainee")
        browser.close()
    return shooter.written


def main(argv: list[str] | None = None) -> int:
    written = run(parse_args(sys.argv[1:] if argv is None else argv))
    print(f"{len(written)} screenshots written.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
