"""Demo company projects and job postings for a hub, with the press release's flagship: a
240-hour company project run with four companies in which ten trainees took part and all ten were
hired. Hires become verified outcomes (they count toward the 157), and a few graduates report the
same job again themselves, which the counting takes once.

Called by the demo generator with plain ORM objects, before outcomes' demo; writes with
bulk_create."""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.models import Hub
from talenthub.outcomes import engine
from talenthub.outcomes.choices import OutcomeCategory, OutcomeSource, OutcomeStatus
from talenthub.outcomes.models import Outcome
from talenthub.partners.choices import OrganisationKind
from talenthub.partners.models import Organisation
from talenthub.projects.choices import (
    ApplicationStatus,
    EmploymentType,
    HireDecision,
    JobStage,
    PostingStatus,
    ProjectStatus,
)
from talenthub.projects.models import (
    CONSENT_TEXT_VERSION,
    JobApplication,
    JobPosting,
    MentorMeeting,
    Milestone,
    PracticumLog,
    Project,
    ProjectApplication,
    ProjectEvaluation,
    ThirdPartyConsent,
)

FLAGSHIP_COMPANIES = ("전주농생명데이터", "호남핀테크", "새만금모빌리티", "완산소프트")
FLAGSHIP_TITLE = "농생명·금융 데이터 실무 기업협력 프로젝트"
OTHER_PROJECTS = (
    ("스마트팜 생육 데이터 대시보드", "Python, 데이터 시각화", 120),
    ("연금 상담 챗봇 프로토타입", "LLM, RAG, FastAPI", 160),
    ("농업용수 누수 탐지 IoT", "IoT, 센서 데이터, 시계열", 80),
)
MENTORS = ("정현우", "김서연", "박지훈", "이수민", "최민준", "한예린")


@dataclass(frozen=True)
class ProjectsDemo:
    projects: int
    applications: int
    hires: int


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _consent_text(hub: Hub, organisation: Organisation) -> str:
    return f"{hub.name}이(가) {organisation.name}에 개인정보를 제공하는 데 동의합니다."


def _companies(hub: Hub) -> list[Organisation]:
    existing = {o.name: o for o in Organisation.objects.filter(hub=hub)}
    missing = [
        Organisation(hub=hub, kind=OrganisationKind.COMPANY, name=name)
        for name in FLAGSHIP_COMPANIES
        if name not in existing
    ]
    Organisation.objects.bulk_create(missing)
    by_name = {o.name: o for o in Organisation.objects.filter(hub=hub, name__in=FLAGSHIP_COMPANIES)}
    return [by_name[name] for name in FLAGSHIP_COMPANIES]


def generate(
    *,
    rng: random.Random,
    hub: Hub,
    enrollments: Sequence[Enrollment],
    today: datetime.date,
    operator_id: int | None = None,
) -> ProjectsDemo:
    companies = _companies(hub)
    completions = sorted(
        (
            e
            for e in enrollments
            if e.status == EnrollmentStatus.COMPLETED
            and e.finished_on is not None
            and e.is_job_seeker_at_entry
            and datetime.date(2020, 1, 1)
            <= e.cohort.ends_on
            <= min(today, datetime.date(2025, 12, 31))
        ),
        key=lambda e: (e.finished_on, e.id),
    )
    if len(completions) < 30:
        raise ValueError("the projects demo needs at least 30 job-seeking completers")
    # The flagship follows a cohort that ended in 2024 (or the latest one before it).
    anchor = next(
        (e for e in reversed(completions) if e.cohort.ends_on.year <= 2024), completions[-1]
    )
    assert anchor.finished_on is not None  # noqa: S101
    cohort_people = [e for e in completions if e.cohort_id == anchor.cohort_id]
    pool = [e for e in completions if e.cohort_id != anchor.cohort_id]
    rng.shuffle(pool)
    team = (cohort_people + pool)[:10]
    applicants = team + pool[10:16]  # six more applied and were not selected

    start = anchor.finished_on + datetime.timedelta(days=3)
    flagship = Project(
        organisation=companies[0],
        title=FLAGSHIP_TITLE,
        problem=(
            "농생명·금융 현장의 실제 데이터 문제를 네 기업이 함께 내고, "
            "교육생 팀이 240시간 동안 해결한다."
        ),
        skills="Python, SQL, 머신러닝, 데이터 시각화",
        seats=10,
        hours=240,
        mentor_name=rng.choice(MENTORS),
        starts_on=start,
        ends_on=start + datetime.timedelta(days=41),
        demo_day_on=start + datetime.timedelta(days=41),
        demo_day_notes="네 기업 앞에서 열 팀원이 결과를 발표했다.",
        status=ProjectStatus.COMPLETED,
        decided_by_id=operator_id,
        decided_at=_at(start - datetime.timedelta(days=14)),
    )
    projects = [flagship]
    plans: list[tuple[Project, list[Enrollment], int]] = [(flagship, applicants, 10)]
    offset = 16
    for index, (title, skills, hours) in enumerate(OTHER_PROJECTS):
        group = pool[offset : offset + 5]
        offset += 5
        if not group:
            break
        begin = max(e.finished_on for e in group if e.finished_on) + datetime.timedelta(days=5)
        project = Project(
            organisation=companies[(index + 1) % len(companies)],
            title=title,
            problem=f"{title}: 기업 현장의 문제를 교육생 팀이 푼다.",
            skills=skills,
            seats=3,
            hours=hours,
            mentor_name=rng.choice(MENTORS),
            starts_on=begin,
            ends_on=begin + datetime.timedelta(days=hours // 6),
            status=ProjectStatus.COMPLETED
            if begin + datetime.timedelta(days=hours // 6) < today
            else ProjectStatus.IN_PROGRESS,
            decided_by_id=operator_id,
            decided_at=_at(begin - datetime.timedelta(days=10)),
        )
        projects.append(project)
        plans.append((project, group, 3))
    Project.objects.bulk_create(projects)
    flagship.partner_organisations.set(companies[1:])

    consents, applications = [], []
    for project, group, seats in plans:
        for number, enrollment in enumerate(group):
            organisations = companies if project is flagship else [project.organisation]
            for organisation in organisations:
                consents.append(
                    ThirdPartyConsent(
                        user_id=enrollment.user_id,
                        organisation=organisation,
                        share_contact=True,
                        share_training=True,
                        share_documents=rng.random() < 0.8,
                        text_version=CONSENT_TEXT_VERSION,
                        text=_consent_text(hub, organisation),
                        consented_at=_at(project.starts_on - datetime.timedelta(days=20)),
                    )
                )
            selected = number < seats
            applications.append(
                ProjectApplication(
                    project=project,
                    user_id=enrollment.user_id,
                    motivation="현장 문제를 풀며 취업 역량을 키우고 싶습니다.",
                    status=ApplicationStatus.SELECTED
                    if selected
                    else ApplicationStatus.NOT_SELECTED,
                    decided_at=_at(project.starts_on - datetime.timedelta(days=7)),
                )
            )
    ThirdPartyConsent.objects.bulk_create(consents, ignore_conflicts=True, batch_size=500)
    ProjectApplication.objects.bulk_create(applications, batch_size=500)

    hires = _hire_flagship_team(rng, flagship, companies, team, applications, operator_id)
    _work_records(rng, flagship, team, applications)
    _postings(rng, hub, companies, completions, today)
    return ProjectsDemo(projects=len(projects), applications=len(applications), hires=hires)


def _hire_flagship_team(
    rng: random.Random,
    flagship: Project,
    companies: list[Organisation],
    team: list[Enrollment],
    applications: list[ProjectApplication],
    operator_id: int | None,
) -> int:
    """All ten hired, spread over the four companies; each hire a verified outcome, and three of
    the ten also report the job themselves (duplicates the counting takes once)."""
    members = [a for a in applications if a.project_id == flagship.id]
    outcomes, duplicates = [], []
    hired_on = flagship.ends_on + datetime.timedelta(days=14)
    for index, (application, enrollment) in enumerate(zip(members[:10], team, strict=True)):
        company = companies[index % len(companies)]
        application.hire_decision = HireDecision.HIRED
        application.hired_by = company
        application.employment_type = (
            EmploymentType.FULL_TIME if index < 8 else EmploymentType.CONTRACT
        )
        application.hire_starts_on = hired_on
        application.hire_recorded_at = _at(flagship.ends_on)
        key = engine.organisation_key(company.name)
        outcome = Outcome(
            user_id=application.user_id,
            hub=company.hub,
            enrollment=enrollment,
            category=OutcomeCategory.FULL_TIME if index < 8 else OutcomeCategory.CONTRACT,
            organisation=company,
            organisation_name=company.name,
            organisation_key=key,
            starts_on=hired_on,
            source=OutcomeSource.PROJECT_HIRE,
            source_key=f"project-application:{application.pk}",
            status=OutcomeStatus.VERIFIED,
            verified_by_id=operator_id,
            verified_at=_at(hired_on + datetime.timedelta(days=20)),
            note=f"기업협력 프로젝트 “{flagship.title}” 후 채용",
        )
        outcomes.append(outcome)
    ProjectApplication.objects.bulk_update(
        members[:10],
        ["hire_decision", "hired_by", "employment_type", "hire_starts_on", "hire_recorded_at"],
    )
    Outcome.objects.bulk_create(outcomes)
    for outcome in rng.sample(outcomes, 3):
        duplicates.append(
            Outcome(
                user_id=outcome.user_id,
                hub=outcome.hub,
                enrollment=outcome.enrollment,
                category=outcome.category,
                organisation=outcome.organisation,
                organisation_name=f"(주){outcome.organisation_name}",
                organisation_key=outcome.organisation_key,
                starts_on=outcome.starts_on,
                source=OutcomeSource.SELF_REPORT,
                reported_by_id=outcome.user_id,
                duplicate_of=outcome,
            )
        )
    Outcome.objects.bulk_create(duplicates)
    return len(outcomes)


def _work_records(
    rng: random.Random,
    flagship: Project,
    team: list[Enrollment],
    applications: list[ProjectApplication],
) -> None:
    """Thirty days of eight hours (240) per member, four milestones, weekly mentor meetings and
    the companies' evaluations."""
    days = [
        flagship.starts_on + datetime.timedelta(days=offset)
        for offset in range(60)
        if (flagship.starts_on + datetime.timedelta(days=offset)).weekday() < 5
    ][:30]
    PracticumLog.objects.bulk_create(
        [
            PracticumLog(
                project=flagship,
                user_id=enrollment.user_id,
                date=day,
                hours=Decimal("8.0"),
                activity=rng.choice(("데이터 수집", "전처리", "모델링", "대시보드", "발표 준비")),
            )
            for enrollment in team
            for day in days
        ],
        batch_size=1000,
    )
    titles = ("문제 정의", "데이터 파이프라인", "모델과 대시보드", "데모데이 발표")
    Milestone.objects.bulk_create(
        [
            Milestone(
                project=flagship,
                title=title,
                due_on=days[min(len(days) - 1, (index + 1) * 7)],
                completed_on=days[min(len(days) - 1, (index + 1) * 7)],
            )
            for index, title in enumerate(titles)
        ]
    )
    MentorMeeting.objects.bulk_create(
        [
            MentorMeeting(project=flagship, met_on=day, minutes=90, topic=f"{week + 1}주차 멘토링")
            for week, day in enumerate(days[::5])
        ]
    )
    members = [a for a in applications if a.project_id == flagship.id][:10]
    ProjectEvaluation.objects.bulk_create(
        [
            ProjectEvaluation(
                application=member,
                skill=rng.randint(3, 5),
                collaboration=rng.randint(4, 5),
                problem_solving=rng.randint(3, 5),
                comment="현장 적응력이 뛰어남",
            )
            for member in members
        ]
    )


def _postings(
    rng: random.Random,
    hub: Hub,
    companies: list[Organisation],
    completions: list[Enrollment],
    today: datetime.date,
) -> None:
    """Two open postings with a few applications in progress (no hires: those are outcomes the
    outcomes demo accounts for)."""
    postings = JobPosting.objects.bulk_create(
        [
            JobPosting(
                organisation=companies[1],
                title="주니어 데이터 엔지니어",
                description="금융 데이터 파이프라인을 함께 만들 분",
                employment_type=EmploymentType.FULL_TIME,
                location="전주",
                closes_on=today + datetime.timedelta(days=21),
                status=PostingStatus.OPEN,
            ),
            JobPosting(
                organisation=companies[3],
                title="AI 서비스 개발 인턴",
                description="생성형 AI 서비스 개발",
                employment_type=EmploymentType.INTERNSHIP,
                location="전주",
                closes_on=today + datetime.timedelta(days=14),
                status=PostingStatus.OPEN,
            ),
        ]
    )
    recent = completions[-12:]
    applications, consents = [], []
    for index, enrollment in enumerate(recent):
        posting = postings[index % 2]
        applications.append(
            JobApplication(
                posting=posting,
                user_id=enrollment.user_id,
                cover_letter="교육에서 배운 것을 현장에서 쓰고 싶습니다.",
                stage=rng.choice([JobStage.APPLIED, JobStage.SCREENING, JobStage.INTERVIEW]),
            )
        )
        consents.append(
            ThirdPartyConsent(
                user_id=enrollment.user_id,
                organisation=posting.organisation,
                share_contact=True,
                share_training=True,
                share_documents=True,
                text_version=CONSENT_TEXT_VERSION,
                text=_consent_text(hub, posting.organisation),
                consented_at=timezone.now(),
            )
        )
    JobApplication.objects.bulk_create(applications, ignore_conflicts=True)
    ThirdPartyConsent.objects.bulk_create(consents, ignore_conflicts=True)
