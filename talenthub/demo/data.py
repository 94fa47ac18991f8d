"""Fixed inputs of the demo: the consortium, its hubs and partners, their programmes, the logins.

The press release of 2025-12-03 (Jeonju ICT Innovation Square) sets the Jeonju targets below; the
generator builds raw records that reproduce them when counted, and never stores a figure.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from talenthub.hubs.choices import Role
from talenthub.partners.choices import OrganisationKind

# The demo is anchored on a fixed day so that one seed always gives the same rows, whatever the
# day the command runs; 2026 cohorts are finished, running or recruiting relative to this day.
DEMO_TODAY = datetime.date(2026, 11, 27)
DEMO_URL = "http://127.0.0.1:8000"
# One shared, documented password for every demo person; never used outside the demo.
DEMO_PASSWORD = "talenthub-demo"  # noqa: S105
# Every demo e-mail ends in the reserved-looking `.demo` TLD: no mail can reach a real person, and
# reset finds demo people by it.
DEMO_EMAIL_SUFFIX = ".demo"
CONSORTIUM = ("honam", "호남권", "광주정보문화산업진흥원")
FIRST_YEAR = 2020
LAST_REPORTED_YEAR = 2025


@dataclass(frozen=True)
class YearProgram:
    new_courses: int
    reruns: int = 0
    extra_cohorts: int = 0
    cancelled: int = 0


@dataclass(frozen=True)
class PartnerSpec:
    name: str
    kind: str
    scope: str
    since: datetime.date
    years: int | None
    affinity: tuple[str, ...] = ()
    share: float = 0.0


@dataclass(frozen=True)
class Targets:
    """Figures of the press release, reproduced exactly by counting the generated rows."""

    participants_last_year: int
    # Chosen so that about 84 % of all enrolments of the reported years end in completion.
    enrollments_before_last_year: int
    graduates: int


@dataclass(frozen=True)
class HubSpec:
    code: str
    name: str
    agency: str
    region: str
    is_lead: bool
    code_prefix: str
    phone_area: str
    sites: tuple[tuple[str, str], ...]
    residences: tuple[tuple[str, int], ...]
    partners: tuple[PartnerSpec, ...]
    instructors: int
    program: dict[int, YearProgram]
    # Status of each cohort run in the demo's current year, in start order.
    current_slots: tuple[str, ...]
    current_new_courses: int
    # Exact figures to reproduce; None lets the counts fall where they may.
    targets: Targets | None = None
    # A course planned in this year whose only cohort was cancelled: it must never count as run.
    orphan_cancelled_year: int | None = None


def _agency(
    name: str, scope: str, since: datetime.date, affinity: str, share: float
) -> PartnerSpec:
    return PartnerSpec(name, OrganisationKind.PUBLIC_AGENCY, scope, since, None, (affinity,), share)


def _university(name: str, since: datetime.date, share: float = 0.08) -> PartnerSpec:
    return PartnerSpec(
        name,
        OrganisationKind.UNIVERSITY,
        "대학생 디지털 신기술 교육 연계 및 교육장 공동 활용",
        since,
        4,
        ("general", "agri_bio", "manufacturing"),
        share,
    )


def _company(
    name: str, since: datetime.date, affinity: tuple[str, ...], share: float
) -> PartnerSpec:
    return PartnerSpec(
        name,
        OrganisationKind.COMPANY,
        "기업협력 프로젝트 및 수료생 채용 연계",
        since,
        3,
        affinity,
        share,
    )


_D = datetime.date
JEONJU = HubSpec(
    code="jeonju",
    name="전주ICT이노베이션스퀘어",
    agency="전주정보문화산업진흥원",
    region="전북특별자치도 전주시",
    is_lead=False,
    code_prefix="JJ",
    phone_area="063",
    sites=(
        ("전주ICT이노베이션스퀘어 본관", "전북특별자치도 전주시 완산구"),
        ("전북대 교육장", "전북특별자치도 전주시 덕진구"),
        ("군산대 교육장", "전북특별자치도 군산시"),
    ),
    residences=(
        ("전주시 완산구", 30),
        ("전주시 덕진구", 28),
        ("익산시", 10),
        ("군산시", 9),
        ("완주군", 8),
        ("김제시", 5),
        ("정읍시", 4),
        ("남원시", 3),
        ("부안군", 1),
        ("고창군", 1),
        ("임실군", 1),
    ),
    partners=(
        _agency("농촌진흥청", "농생명 빅데이터·AI 교육 공동 운영", _D(2020, 4, 1), "agri_bio", 0.7),
        _agency(
            "한국농어촌공사", "농업 기반 IoT·데이터 교육 협력", _D(2021, 3, 15), "agri_bio", 0.5
        ),
        _agency("국민연금공단", "금융 데이터·블록체인 교육 협력", _D(2020, 6, 1), "finance", 1.0),
        _university("군산대학교", _D(2020, 3, 2)),
        _university("원광대학교", _D(2021, 3, 2)),
        _university("전북대학교", _D(2020, 3, 2), 0.15),
        _university("전주대학교", _D(2022, 3, 2)),
        _company("그린팜테크", _D(2021, 5, 10), ("agri_bio",), 0.2),
        _company("한빛핀테크", _D(2022, 2, 14), ("finance",), 0.3),
        _company("가온블록", _D(2022, 9, 1), ("finance", "public"), 0.15),
        _company("온새미로소프트", _D(2020, 11, 2), ("general", "culture"), 0.1),
        _company("전북스마트팩토리", _D(2023, 4, 3), ("manufacturing",), 0.35),
        _company("모아데이터랩", _D(2023, 7, 17), ("general", "public"), 0.1),
        _company("새만금드론", _D(2024, 3, 4), ("agri_bio", "manufacturing"), 0.1),
        _company("바른AI솔루션", _D(2024, 8, 19), ("general",), 0.1),
    ),
    instructors=12,
    program={
        2020: YearProgram(new_courses=16, extra_cohorts=1),
        2021: YearProgram(new_courses=20, reruns=5, extra_cohorts=2),
        2022: YearProgram(new_courses=24, reruns=7, extra_cohorts=2, cancelled=1),
        2023: YearProgram(new_courses=26, reruns=8, extra_cohorts=3),
        2024: YearProgram(new_courses=24, reruns=8, extra_cohorts=3, cancelled=1),
        2025: YearProgram(new_courses=12, reruns=6, extra_cohorts=2, cancelled=1),
    },
    current_slots=(
        *["finished"] * 6,
        *["in_progress"] * 3,
        *["recruiting"] * 4,
        *["planned"] * 2,
    ),
    current_new_courses=5,
    targets=Targets(participants_last_year=431, enrollments_before_last_year=2530, graduates=2484),
    orphan_cancelled_year=2023,
)

_SMALL_PROGRAM = {
    2020: YearProgram(new_courses=3),
    2021: YearProgram(new_courses=4, reruns=1),
    2022: YearProgram(new_courses=5, reruns=2, extra_cohorts=1),
    2023: YearProgram(new_courses=5, reruns=2, cancelled=1),
    2024: YearProgram(new_courses=5, reruns=3, extra_cohorts=1),
    2025: YearProgram(new_courses=4, reruns=3, extra_cohorts=1),
}
_SMALL_SLOTS = ("finished", "finished", "in_progress", "recruiting", "recruiting")

GWANGJU = HubSpec(
    code="gwangju",
    name="광주ICT이노베이션스퀘어",
    agency="광주정보문화산업진흥원",
    region="광주광역시",
    is_lead=True,
    code_prefix="GJ",
    phone_area="062",
    sites=(("광주ICT이노베이션스퀘어 본관", "광주광역시 남구"),),
    residences=(
        ("광주 북구", 25),
        ("광주 서구", 20),
        ("광주 광산구", 20),
        ("광주 남구", 15),
        ("광주 동구", 8),
        ("나주시", 7),
        ("담양군", 5),
    ),
    partners=(
        _university("전남대학교", _D(2020, 3, 2), 0.15),
        _university("조선대학교", _D(2021, 3, 2), 0.1),
        _company("빛고을AI랩", _D(2021, 6, 1), ("general", "culture"), 0.2),
        _company("무등모빌리티", _D(2023, 2, 1), ("manufacturing",), 0.3),
    ),
    instructors=6,
    program=_SMALL_PROGRAM,
    current_slots=_SMALL_SLOTS,
    current_new_courses=2,
)

JEONNAM = HubSpec(
    code="jeonnam",
    name="전남ICT이노베이션스퀘어",
    agency="전남정보문화산업진흥원",
    region="전라남도",
    is_lead=False,
    code_prefix="JN",
    phone_area="061",
    sites=(("전남ICT이노베이션스퀘어 본관", "전라남도 나주시"), ("순천 교육장", "전라남도 순천시")),
    residences=(
        ("나주시", 20),
        ("순천시", 20),
        ("목포시", 18),
        ("여수시", 15),
        ("광양시", 10),
        ("무안군", 10),
        ("해남군", 7),
    ),
    partners=(
        _university("목포대학교", _D(2020, 9, 1), 0.1),
        _university("순천대학교", _D(2021, 9, 1), 0.1),
        _company("남도스마트팜", _D(2022, 4, 1), ("agri_bio",), 0.4),
        _company("여수해양데이터", _D(2023, 5, 2), ("general", "public"), 0.2),
    ),
    instructors=5,
    program=_SMALL_PROGRAM,
    current_slots=_SMALL_SLOTS,
    current_new_courses=2,
)

HUBS = (GWANGJU, JEONJU, JEONNAM)
DEMO_HUB_CODES = tuple(hub.code for hub in HUBS)


@dataclass(frozen=True)
class LoginSpec:
    email: str
    name: str
    role: str
    hub_code: str | None
    gender: str
    # Age on the demo's first day (2020-01-02); the demo trainee is a young job-seeker.
    age: int


SUPERUSER = "superuser"
DEMO_LOGINS = (
    LoginSpec("operator@jeonju.demo", "송지현", Role.OPERATOR, "jeonju", "F", 31),
    LoginSpec("instructor@jeonju.demo", "최준호", Role.INSTRUCTOR, "jeonju", "M", 38),
    LoginSpec("trainee@jeonju.demo", "박지윤", Role.TRAINEE, "jeonju", "F", 21),
    LoginSpec("company@jeonju.demo", "이도현", Role.COMPANY_PARTNER, "jeonju", "M", 35),
    LoginSpec("mentor@jeonju.demo", "정민호", Role.MENTOR, "jeonju", "M", 33),
    LoginSpec("judge@jeonju.demo", "한수정", Role.JUDGE, "jeonju", "F", 44),
    LoginSpec("lead@honam.demo", "오승현", Role.CONSORTIUM_LEAD, "gwangju", "M", 46),
    LoginSpec("funder@nipa.demo", "윤서진", Role.FUNDER, "jeonju", "F", 40),
    LoginSpec("operator@gwangju.demo", "임재원", Role.OPERATOR, "gwangju", "M", 29),
    LoginSpec("operator@jeonnam.demo", "강다은", Role.OPERATOR, "jeonnam", "F", 27),
    LoginSpec("admin@talenthub.demo", "관리자", SUPERUSER, None, "", 40),
)
TRAINEE_LOGIN = DEMO_LOGINS[2]
INSTRUCTOR_LOGIN = DEMO_LOGINS[1]
