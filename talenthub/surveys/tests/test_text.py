"""Korean comment analysis on real sentences, with the real Kiwi model (loaded once)."""

from __future__ import annotations

import pytest

from talenthub.surveys.text import analyse_comments, kiwi


def analyse(text: str):
    return analyse_comments([text])[0]


@pytest.mark.parametrize(
    "comment",
    [
        "강사님의 설명이 친절해서 좋았습니다.",
        "프로젝트 기반 학습이 취업에 도움이 됐어요",
        "수업 내용이 어렵지 않아서 좋았어요",
        "실습 장비에 문제가 없었어요",
        "AI 모델 실습이 유익했고 강사님이 최고였습니다",
        "주변에 꼭 추천하고 싶어요",
    ],
)
def test_positive_comments_are_positive(comment):
    assert analyse(comment).polarity == "positive"


@pytest.mark.parametrize(
    "comment",
    [
        "실습 환경이 좋지 않았어요",
        "교육장 시설은 안 좋았다",
        "냉난방이 불편하고 주차 공간이 부족했습니다",
        "교재가 별로 도움이 되지 않았다",
        "솔직히 도움이 안 됐어요",
        "만족스럽지 못했습니다",
        "다른 사람에게 추천하고 싶지 않아요",
        "교육 시간이 너무 짧아서 아쉬웠어요",
    ],
)
def test_negative_comments_including_negated_praise_are_negative(comment):
    assert analyse(comment).polarity == "negative"


def test_praise_and_complaint_in_one_comment_balance_to_neutral():
    assert analyse("실습 시간이 부족했지만 전반적으로 만족합니다").polarity == "neutral"
    assert analyse("특별히 없습니다").polarity == "neutral"


def test_nouns_and_noun_phrases_are_extracted():
    terms = analyse("냉난방이 불편하고 주차 공간이 부족했습니다").terms
    assert terms == {"냉난방": 1, "주차": 1, "공간": 1, "주차 공간": 1}
    terms = analyse("AI 모델 실습이 유익했고 강사님이 최고였습니다").terms
    assert terms == {"AI": 1, "모델": 1, "실습": 1, "AI 모델 실습": 1, "강사": 1}


def test_sentiment_nouns_and_stop_nouns_are_not_terms():
    terms = analyse("교육 과정에 만족하고 도움이 많이 되었습니다").terms
    assert "만족" not in terms
    assert "도움" not in terms
    assert "교육" not in terms


def test_repeated_terms_are_counted():
    assert analyse("실습이 좋았고 실습 자료도 좋았다").terms["실습"] == 2


def test_kiwi_is_built_once_per_process():
    analyse_comments(["첫 번째 문장입니다.", "두 번째 문장입니다."])
    analyse_comments(["세 번째 문장입니다."])
    assert kiwi.is_loaded()
    assert kiwi.loads == 1


def test_pages_read_stored_analysis_and_never_load_kiwi(
    client, world, survey, monkeypatch, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from talenthub.surveys import services
    from talenthub.surveys.tests.conftest import answers_for, invitation_of

    with django_capture_on_commit_callbacks(execute=True):
        services.response_submit(
            invitation=invitation_of(survey, world["trainee"]),
            answers=answers_for(survey, good="실습 장비가 좋지 않았어요"),
        )

    def refuse() -> None:
        raise AssertionError("Kiwi loaded during a request")

    monkeypatch.setattr(kiwi, "get_kiwi", refuse)
    client.force_login(world["operator"])
    for url in (
        reverse("surveys:results", args=[survey.pk]) + "?term=실습 장비",
        reverse("surveys:comment_search") + "?polarity=negative",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert "실습 장비가 좋지 않았어요" in response.content.decode()
    assert client.get(reverse("surveys:survey_list")).status_code == 200
