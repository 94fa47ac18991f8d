"""The words operators' files use for coded values, mapped to TalentHub's codes. Korean here is
data: the vocabulary of the spreadsheets (and of HRD-Net's exports), not interface text.

Each table also accepts the code itself (and the English words listed); `shown` is what a message
lists as the accepted words."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from talenthub.accounts.choices import EducationLevel, Gender
from talenthub.attendance.choices import ExcuseCategory
from talenthub.courses.choices import IndustryDomain, Level, Track
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.exchange import values
from talenthub.outcomes.choices import OutcomeCategory


@dataclass(frozen=True)
class Vocabulary:
    options: Mapping[str, str]
    shown: str
    words: Mapping[str, str]  # code → the word files use for it (exports write this)

    def word(self, code: str) -> str:
        return self.words.get(code, code)

    def parse(self, raw: Any) -> str | None:
        return values.choice(raw, self.options, self.shown)

    @property
    def parser(self) -> Callable[[Any], str | None]:
        return self.parse


def vocabulary(words: Mapping[str, tuple[str, ...]]) -> Vocabulary:
    options: dict[str, str] = {}
    for code, synonyms in words.items():
        for word in (*synonyms, code):
            options.setdefault(values.squeeze(word), code)
    shown = ", ".join(synonyms[0] for synonyms in words.values() if synonyms)
    return Vocabulary(options, shown, {code: synonyms[0] for code, synonyms in words.items()})


GENDER = vocabulary(
    {
        Gender.MALE: ("남", "남성", "남자", "M", "male"),
        Gender.FEMALE: ("여", "여성", "여자", "F", "female"),
    },
)
EDUCATION = vocabulary(
    {
        EducationLevel.HIGH_SCHOOL: (
            "고졸",
            "고졸이하",
            "고등학교졸업",
            "고등학교",
            "중졸",
            "high school",
        ),
        EducationLevel.UNIVERSITY_STUDENT: (
            "대학재학",
            "대학교재학",
            "재학",
            "휴학",
            "대학휴학",
            "재학중",
        ),
        EducationLevel.ASSOCIATE: ("전문대졸", "전문학사", "초대졸", "전문대학졸업", "associate"),
        EducationLevel.BACHELOR: ("대졸", "학사", "대학졸업", "대학교졸업", "4년제졸", "bachelor"),
        EducationLevel.GRADUATE: (
            "대학원",
            "석사",
            "박사",
            "대학원졸",
            "대학원재학",
            "master",
            "phd",
        ),
    },
)
TRACK = vocabulary(
    {
        Track.AI: ("인공지능", "AI"),
        Track.BIG_DATA: ("빅데이터", "데이터", "big data"),
        Track.BLOCKCHAIN: ("블록체인",),
        Track.IOT: ("IoT", "사물인터넷"),
        Track.CLOUD: ("클라우드",),
        Track.METAVERSE: ("메타버스", "XR", "VR"),
        Track.SOFTWARE: ("SW", "소프트웨어", "SW개발", "software"),
    },
)
INDUSTRY = vocabulary(
    {
        IndustryDomain.GENERAL: ("일반", "공통", "없음", "general"),
        IndustryDomain.AGRI_BIO: ("농생명", "농업", "스마트팜", "agri-bio"),
        IndustryDomain.FINANCE: ("금융", "핀테크"),
        IndustryDomain.MANUFACTURING: ("제조", "제조업"),
        IndustryDomain.CULTURE: ("문화콘텐츠", "문화", "콘텐츠"),
        IndustryDomain.PUBLIC: ("공공", "공공기관"),
    },
)
LEVEL = vocabulary(
    {
        Level.BEGINNER: ("초급", "입문", "기초"),
        Level.INTERMEDIATE: ("중급", "심화"),
        Level.ADVANCED: ("고급", "전문"),
    },
)
ENROLMENT_STATUS = vocabulary(
    {
        EnrollmentStatus.ENROLLED: ("수강중", "훈련중", "수강", "재학"),
        EnrollmentStatus.COMPLETED: ("수료", "수료완료"),
        EnrollmentStatus.NOT_COMPLETED: ("미수료",),
        EnrollmentStatus.DROPPED_OUT: ("중도포기", "중도탈락", "중탈", "포기"),
    },
)
OUTCOME_CATEGORY = vocabulary(
    {
        OutcomeCategory.FULL_TIME: ("정규직", "취업", "정규직취업"),
        OutcomeCategory.CONTRACT: ("계약직", "비정규직", "파트타임", "인턴"),
        OutcomeCategory.STARTUP: ("창업",),
        OutcomeCategory.FURTHER_STUDY: ("진학",),
        OutcomeCategory.MILITARY: ("군입대", "입대", "군복무"),
        OutcomeCategory.STILL_SEEKING: ("구직중", "미취업"),
        OutcomeCategory.NOT_SEEKING: ("비구직", "구직안함"),
        OutcomeCategory.NO_RESPONSE: ("무응답", "연락두절"),
        OutcomeCategory.EXCLUDED: ("제외", "취업불가"),
    },
)
EXCUSE_CATEGORY = vocabulary(
    {
        ExcuseCategory.ILLNESS: ("질병", "병가", "부상", "입원"),
        ExcuseCategory.RESERVE_FORCES: ("예비군", "민방위", "예비군훈련"),
        ExcuseCategory.FAMILY_EVENT: ("경조사", "결혼", "장례"),
        ExcuseCategory.EXAM_OR_INTERVIEW: ("면접", "시험", "채용면접", "국가시험"),
        ExcuseCategory.OTHER: ("기타", "공가"),
    },
)


def excuse_category_from_reason(reason: str) -> str:
    """The category a free-text excuse (공가사유) names, else "other"."""
    squeezed = values.squeeze(reason)
    for word, code in EXCUSE_CATEGORY.options.items():
        if code != ExcuseCategory.OTHER and word and word in squeezed and len(word) > 1:
            return code
    return ExcuseCategory.OTHER
