"""Encodings: the declared charset is read (HTTP header, BOM, <meta charset>, http-equiv, XML
prolog), detection covers undeclared pages, and a re-encoded page reads exactly like its UTF-8 original."""

from __future__ import annotations

import codecs

import pytest

from briefings.ingest import load
from briefings.ingest.charset import choose, codec_for

# Fictional stories, written for these tests.
RUSSIAN = ("Паводок в Кестрель-Порте", "Вода поднялась на два метра за ночь, и старый мост закрыт, сообщили "
           "власти в среду. Спасатели работали всю ночь, чтобы вывести жителей с верхних этажей.")
KOREAN = ("케스트렐 항구에 홍수", "밤사이 강물이 2미터 불어나 옛 다리가 폐쇄됐다고 당국이 수요일 밝혔다. "
          "구조대는 밤새 주민들을 위층에서 대피시켰다.")
JAPANESE = ("ケストレル港で洪水", "川の水位が一晩で二メートル上昇し、古い橋が閉鎖されたと当局が水曜日に発表した。"
            "救助隊は夜通し住民を上の階から避難させた。")
CASES = [("windows-1251", RUSSIAN), ("koi8-r", RUSSIAN), ("euc-kr", KOREAN), ("shift_jis", JAPANESE),
         ("euc-jp", JAPANESE)]


def page(story: tuple[str, str], head: str = "") -> str:
    title, lead = story
    return (f"<html><head>{head}<title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{lead}</p><p>{lead}</p></article></body></html>")


def original(story: tuple[str, str]):
    return load("story.html", page(story).encode("utf-8"))


def same(a, b) -> None:
    assert (a.title, a.text) == (b.title, b.text)


@pytest.mark.parametrize("codec, story", CASES)
def test_meta_charset(codec, story):
    data = page(story, f'<meta charset="{codec}">').encode(codec)
    same(load("story.html", data), original(story))


@pytest.mark.parametrize("codec, story", CASES)
def test_http_equiv(codec, story):
    data = page(story, f'<meta http-equiv="Content-Type" content="text/html; charset={codec.upper()}">').encode(codec)
    same(load("story.html", data), original(story))


@pytest.mark.parametrize("codec, story", CASES)
def test_http_header_wins_over_nothing(codec, story):
    data = page(story).encode(codec)
    same(load("story.html", data, content_type=f"text/html; charset={codec}"), original(story))


@pytest.mark.parametrize("codec, story", CASES[:3])
def test_xml_prolog(codec, story):
    data = (f'<?xml version="1.0" encoding="{codec}"?>\n' + page(story)).encode(codec)
    same(load("story.html", data), original(story))


@pytest.mark.parametrize("codec, story", [("windows-1251", RUSSIAN), ("euc-kr", KOREAN), ("shift_jis", JAPANESE)])
def test_undeclared_page_is_detected(codec, story):
    same(load("story.html", page(story).encode(codec)), original(story))


def test_bom_beats_a_wrong_declaration():
    data = codecs.BOM_UTF8 + page(RUSSIAN, '<meta charset="koi8-r">').encode("utf-8")
    same(load("story.html", data), original(RUSSIAN))


def test_utf8_declared_as_latin1_is_read_as_utf8():
    data = page(RUSSIAN, '<meta charset="iso-8859-1">').encode("utf-8")
    same(load("story.html", data, content_type="text/html; charset=ISO-8859-1"), original(RUSSIAN))


def test_header_beats_meta():
    data = page(RUSSIAN, '<meta charset="windows-1251">').encode("koi8-r")
    same(load("story.html", data, content_type="text/html; charset=koi8-r"), original(RUSSIAN))


def test_unknown_or_impossible_labels_are_ignored():
    assert codec_for("no-such-charset") is None and codec_for("utf-16") is None
    assert codec_for("latin1") == "cp1252" and codec_for("x-sjis") == "shift_jis"
    # an unknown label falls back to the usual rules: UTF-8 here
    data = page(KOREAN, '<meta charset="klingon">').encode("utf-8")
    same(load("story.html", data), original(KOREAN))


def test_english_with_a_few_cp1252_quotes_stays_cp1252():
    data = "The mayor said \u201cwe will rebuild\u201d on Friday, and the caf\u00e9 reopened.".encode("cp1252")
    assert choose(data) is None  # the usual rule: UTF-8 if it fits, else windows-1252
    assert "\u201cwe will rebuild\u201d" in load("note.txt", data).text
