"""Words the demo is made of: course-title parts by track and industry, Korean names, ages."""

from __future__ import annotations

from talenthub.courses.choices import IndustryDomain, Level, Track


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


def _table(text: str) -> list[list[str]]:
    return [item.split(":") for item in text.split()]


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((row[0], row[1]) for row in _table(text))


# --- Courses --------------------------------------------------------------------------------------
TRACK_WEIGHTS: dict[str, int] = {
    Track.AI: 30,
    Track.BIG_DATA: 25,
    Track.IOT: 15,
    Track.BLOCKCHAIN: 12,
    Track.SOFTWARE: 10,
    Track.CLOUD: 8,
}
TRACK_CODES: dict[str, str] = {
    Track.AI: "AI",
    Track.BIG_DATA: "BD",
    Track.BLOCKCHAIN: "BC",
    Track.IOT: "IOT",
    Track.CLOUD: "CL",
    Track.SOFTWARE: "SW",
    Track.METAVERSE: "MV",
}
# Which industries each track is taught for, weighted: blockchain leans to finance, IoT to farms.
DOMAIN_WEIGHTS: dict[str, dict[str, int]] = {
    Track.AI: {
        "general": 35,
        "agri_bio": 20,
        "finance": 15,
        "manufacturing": 15,
        "culture": 10,
        "public": 5,
    },
    Track.BIG_DATA: {
        "general": 30,
        "agri_bio": 30,
        "finance": 20,
        "public": 15,
        "manufacturing": 5,
    },
    Track.BLOCKCHAIN: {"finance": 55, "general": 20, "agri_bio": 15, "public": 10},
    Track.IOT: {"agri_bio": 45, "manufacturing": 35, "general": 20},
    Track.CLOUD: {"general": 80, "public": 20},
    Track.SOFTWARE: {"general": 70, "culture": 20, "public": 10},
}
DOMAIN_PREFIXES: dict[str, tuple[str, ...]] = {
    IndustryDomain.GENERAL: ("",),
    IndustryDomain.AGRI_BIO: ("농생명", "스마트팜", "농식품"),
    IndustryDomain.FINANCE: ("금융", "핀테크"),
    IndustryDomain.MANUFACTURING: ("제조", "스마트공장"),
    IndustryDomain.CULTURE: ("문화콘텐츠",),
    IndustryDomain.PUBLIC: ("공공",),
}
DOMAIN_PHRASES: dict[str, str] = {
    IndustryDomain.GENERAL: "지역 기업의 실제 과제",
    IndustryDomain.AGRI_BIO: "전북 농생명 현장 데이터",
    IndustryDomain.FINANCE: "금융 기관의 서비스 사례",
    IndustryDomain.MANUFACTURING: "제조 현장의 설비·공정 데이터",
    IndustryDomain.CULTURE: "문화콘텐츠 기업의 서비스",
    IndustryDomain.PUBLIC: "공공기관의 개방 데이터",
}
TOPICS: dict[str, tuple[str, ...]] = {
    Track.AI: _split(
        "머신러닝 모델 개발|딥러닝 영상 분석|생성형 AI 서비스 개발|자연어 처리|"
        "LLM 활용 업무 자동화|AI 에이전트 개발|컴퓨터 비전|AI 예측 모델링|MLOps 파이프라인 구축|"
        "프롬프트 엔지니어링"
    ),
    Track.BIG_DATA: _split(
        "빅데이터 분석|데이터 시각화|파이썬 데이터 분석|데이터 엔지니어링|SQL 데이터 분석|"
        "오픈데이터 활용 분석|대용량 데이터 처리|데이터 기반 의사결정"
    ),
    Track.BLOCKCHAIN: _split(
        "블록체인 서비스 개발|스마트 컨트랙트 개발|블록체인 이력 관리 시스템|디지털 자산 보안|"
        "웹3 서비스 기획|분산원장 기술"
    ),
    Track.IOT: _split(
        "IoT 시스템 구축|센서 데이터 수집·분석|임베디드 IoT 프로그래밍|엣지 AI|디지털 트윈 구축|"
        "드론 데이터 활용"
    ),
    Track.CLOUD: _split(
        "클라우드 인프라 구축|쿠버네티스 운영|클라우드 네이티브 개발|AWS 아키텍처 설계|"
        "DevOps 자동화"
    ),
    Track.SOFTWARE: _split(
        "풀스택 웹 개발|파이썬 프로그래밍|모바일 앱 개발|백엔드 API 개발|프론트엔드 개발|"
        "SW 테스트 자동화"
    ),
}
LEVEL_WEIGHTS: dict[str, int] = {Level.BEGINNER: 35, Level.INTERMEDIATE: 45, Level.ADVANCED: 20}
LEVEL_SUFFIXES: dict[str, tuple[str, ...]] = {
    Level.BEGINNER: ("입문", "기초", "첫걸음"),
    Level.INTERMEDIATE: ("실무", "프로젝트", "실무 과정"),
    Level.ADVANCED: ("심화", "전문가 과정", "고급"),
}
LEVEL_PHRASES: dict[str, str] = {
    Level.BEGINNER: "처음 배우는 사람도 따라올 수 있는",
    Level.INTERMEDIATE: "현업에 바로 쓰는 실무 중심의",
    Level.ADVANCED: "전문 개발자를 위한 심화",
}
LEVEL_HOURS: dict[str, tuple[int, ...]] = {
    Level.BEGINNER: (40, 48, 56, 64, 80),
    Level.INTERMEDIATE: (80, 96, 120, 144, 160),
    Level.ADVANCED: (120, 160, 200, 240),
}
CAPACITIES = (20, 20, 24, 25, 25, 30)
DROPOUT_REASONS = _split(
    "취업|취업|취업|개인 사정|건강 문제|학업 병행|거주지 이전|창업 준비|타 교육 참여"
)

# --- People ---------------------------------------------------------------------------------------
# Surnames with their share of the population (per mille, rounded) and a romanisation for e-mails.
SURNAMES = tuple(
    (name, roman, int(share))
    for name, roman, share in _table(
        "김:kim:215 이:lee:147 박:park:84 최:choi:47 정:jung:43 강:kang:24 조:cho:21 윤:yoon:21 "
        "장:jang:20 임:lim:17 한:han:15 오:oh:15 서:seo:15 신:shin:15 권:kwon:14 황:hwang:14 "
        "안:ahn:14 송:song:13 전:jeon:13 홍:hong:11 유:yu:11 고:ko:9 문:moon:9 양:yang:9 손:son:9 "
        "배:bae:8 백:baek:8 허:heo:6 노:noh:5 남:nam:5"
    )
)
# Given names popular for people born from the mid-1990s (True), and for those born earlier.
GIVEN_NAMES = {
    ("M", True): _pairs(
        "민준:minjun 서준:seojun 도윤:doyun 예준:yejun 시우:siwoo 하준:hajun 주원:juwon 지호:jiho "
        "준우:junwoo 현우:hyunwoo 준서:junseo 도현:dohyun 건우:geonwoo 우진:woojin 선우:sunwoo "
        "민재:minjae 현준:hyunjun 승우:seungwoo 지환:jihwan 승민:seungmin"
    ),
    ("M", False): _pairs(
        "지훈:jihoon 성민:sungmin 동현:donghyun 정훈:junghoon 상현:sanghyun 민수:minsu "
        "준영:junyoung 태현:taehyun 재원:jaewon 성호:sungho 영민:youngmin 진우:jinwoo "
        "상우:sangwoo 재훈:jaehoon 경민:kyungmin 창민:changmin"
    ),
    ("F", True): _pairs(
        "서연:seoyeon 서윤:seoyun 지우:jiwoo 서현:seohyun 민서:minseo 하은:haeun 하윤:hayun "
        "윤서:yunseo 지유:jiyu 지민:jimin 채원:chaewon 수아:sua 다은:daeun 은서:eunseo 예은:yeeun "
        "수빈:subin"
    ),
    ("F", False): _pairs(
        "지현:jihyun 유진:yujin 민지:minji 혜진:hyejin 은지:eunji 수진:sujin 지영:jiyoung "
        "예진:yejin 소연:soyeon 현정:hyunjung 미영:miyoung 선영:sunyoung 은영:eunyoung 보람:boram"
    ),
}
# Age at entry, weighted towards people in their twenties as in the programme's intake.
AGE_BANDS = ((19, 24, 30), (25, 29, 35), (30, 34, 18), (35, 39, 10), (40, 45, 5), (46, 55, 2))


TRACK_NAMES: dict[str, str] = {
    Track.AI: "인공지능",
    Track.BIG_DATA: "빅데이터",
    Track.BLOCKCHAIN: "블록체인",
    Track.IOT: "사물인터넷",
    Track.CLOUD: "클라우드",
    Track.SOFTWARE: "소프트웨어 개발",
}
