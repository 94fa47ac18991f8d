"""The templates that ship with TalentHub, as data, and their idempotent installer.

The satisfaction template follows the structure of the national vocational-training satisfaction
survey (훈련 만족도 조사): service quality of content, instructors, facilities and operations, then
overall satisfaction and outcomes, on a 5-point agreement scale, with a recommendation item and free
comments. Question texts are Korean data, not UI strings.

The installer runs from the data migration 0002 (with historical models) and from
`manage.py survey-templates --install`. Changing a shipped template means a new entry in `versions`
with a higher number; installed versions are never modified.
"""

from __future__ import annotations

from typing import Any

Q = dict[str, Any]


def _likert(code: str, text: str, *, in_score: bool = True) -> Q:
    return {"code": code, "kind": "likert5", "text": text, "required": True, "in_score": in_score}


SATISFACTION_V1: list[tuple[str, list[Q]]] = [
    (
        "교육 내용",
        [
            _likert("content-1", "교육 내용은 교육 목표에 부합하였다."),
            _likert("content-2", "교육 내용의 난이도는 적절하였다."),
            _likert("content-3", "교재와 학습 자료는 학습에 도움이 되었다."),
            _likert("content-4", "이론과 실습의 비율은 적절하였다."),
        ],
    ),
    (
        "강사",
        [
            _likert("instructor-1", "강사는 교육 내용에 대한 전문성을 갖추고 있었다."),
            _likert("instructor-2", "강사의 설명은 이해하기 쉬웠다."),
            _likert("instructor-3", "강사는 질문과 요청에 성실하게 응답하였다."),
            _likert("instructor-4", "강사는 교육 시간을 잘 지켰다."),
        ],
    ),
    (
        "시설 및 장비",
        [
            _likert("facility-1", "교육장(강의실, 냉난방, 편의시설)은 쾌적하였다."),
            _likert("facility-2", "실습 장비와 소프트웨어는 교육에 충분하였다."),
            _likert("facility-3", "교육장까지의 접근성(교통, 주차)은 편리하였다."),
        ],
    ),
    (
        "교육 운영",
        [
            _likert("operation-1", "교육 일정과 시간 운영은 적절하였다."),
            _likert("operation-2", "운영 담당자의 안내와 지원은 친절하고 신속하였다."),
            _likert("operation-3", "출결 관리 등 행정 절차는 편리하였다."),
        ],
    ),
    (
        "전반적 만족도",
        [
            _likert("overall-1", "이 교육과정에 전반적으로 만족한다."),
            {
                "code": "recommend",
                "kind": "recommend",
                "text": (
                    "이 교육과정을 주변 사람에게 추천할 의향은 어느 정도입니까? "
                    "(0: 전혀 없음 ~ 10: 매우 높음)"
                ),
                "required": True,
            },
        ],
    ),
    (
        "교육 성과",
        [
            _likert("outcome-1", "교육을 통해 직무 역량이 향상되었다."),
            _likert("outcome-2", "교육 내용은 취업, 창업 또는 현업에 도움이 될 것이다."),
            {
                "code": "plan",
                "kind": "single",
                "text": "수료 후 계획은 무엇입니까?",
                "required": False,
                "choices": ["취업", "창업", "진학", "재직 중 직무 활용", "기타"],
            },
            {
                "code": "channel",
                "kind": "multiple",
                "text": "이 교육을 알게 된 경로를 모두 골라 주세요.",
                "required": False,
                "choices": ["홈페이지", "SNS", "지인 추천", "대학·기관 안내", "고용센터", "기타"],
            },
        ],
    ),
    (
        "의견",
        [
            {
                "code": "good",
                "kind": "long_text",
                "text": "교육과정에서 좋았던 점을 자유롭게 적어 주세요.",
                "required": False,
            },
            {
                "code": "improve",
                "kind": "long_text",
                "text": "개선이 필요한 점을 자유롭게 적어 주세요.",
                "required": False,
            },
        ],
    ),
]

_SKILLS = [
    _likert("skill-python", "Python으로 간단한 프로그램을 작성할 수 있다.", in_score=False),
    _likert("skill-data", "데이터를 정리하고 분석하여 결과를 설명할 수 있다.", in_score=False),
    _likert("skill-ai", "인공지능 모델을 활용해 문제를 해결할 수 있다.", in_score=False),
    _likert("skill-tools", "협업 도구(Git, 이슈 관리 등)를 사용할 수 있다.", in_score=False),
    _likert("skill-problem", "현업의 문제를 정의하고 해결 방법을 제안할 수 있다.", in_score=False),
]

PRE_ASSESSMENT_V1: list[tuple[str, list[Q]]] = [
    ("직무 역량 자가진단", _SKILLS),
    (
        "학습 목표",
        [
            {
                "code": "goal",
                "kind": "short_text",
                "text": "이 과정에서 가장 얻고 싶은 것은 무엇입니까?",
                "required": False,
            }
        ],
    ),
]

POST_ASSESSMENT_V1: list[tuple[str, list[Q]]] = [
    ("직무 역량 자가진단", _SKILLS),
    (
        "학습 성과",
        [
            {
                "code": "gain",
                "kind": "short_text",
                "text": "이 과정에서 가장 크게 성장한 점은 무엇입니까?",
                "required": False,
            }
        ],
    ),
]

STANDARD_TEMPLATES: list[dict[str, Any]] = [
    {
        "code": "satisfaction-standard",
        "name": "교육 만족도 조사 (표준)",
        "purpose": "satisfaction",
        "versions": {
            1: {
                "intro": (
                    "교육과정 개선을 위한 만족도 조사입니다. "
                    "응답 내용은 통계 목적으로만 사용됩니다."
                ),
                "sections": SATISFACTION_V1,
            }
        },
    },
    {
        "code": "skills-pre",
        "name": "직무 역량 사전 자가진단",
        "purpose": "pre_assessment",
        "versions": {
            1: {"intro": "과정 시작 전 역량 자가진단입니다.", "sections": PRE_ASSESSMENT_V1}
        },
    },
    {
        "code": "skills-post",
        "name": "직무 역량 사후 자가진단",
        "purpose": "post_assessment",
        "versions": {
            1: {"intro": "과정 종료 후 역량 자가진단입니다.", "sections": POST_ASSESSMENT_V1}
        },
    },
]

SATISFACTION_CODE = "satisfaction-standard"


def install_standard_templates(
    template_model: Any, version_model: Any, section_model: Any, question_model: Any
) -> int:
    """Create missing shipped templates and versions; returns how many versions were created.

    Takes the model classes so the data migration can pass its historical models."""
    created = 0
    for spec in STANDARD_TEMPLATES:
        template, _ = template_model.objects.get_or_create(
            code=spec["code"],
            defaults={"name": spec["name"], "purpose": spec["purpose"], "is_standard": True},
        )
        for number, version_spec in sorted(spec["versions"].items()):
            if version_model.objects.filter(template=template, number=number).exists():
                continue
            version = version_model.objects.create(
                template=template, number=number, intro=version_spec["intro"]
            )
            position = 0
            for section_position, (title, questions) in enumerate(version_spec["sections"], 1):
                section = section_model.objects.create(
                    version=version, position=section_position, title=title
                )
                rows = []
                for question in questions:
                    position += 1
                    rows.append(
                        question_model(
                            version=version,
                            section=section,
                            position=position,
                            code=question["code"],
                            kind=question["kind"],
                            text=question["text"],
                            required=question.get("required", True),
                            choices=question.get("choices", []),
                            in_score=question.get("in_score", False),
                        )
                    )
                question_model.objects.bulk_create(rows)
            created += 1
    return created
