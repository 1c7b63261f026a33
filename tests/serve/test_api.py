"""The REST API over a real store: every endpoint, pagination, the error shape, limits, the token, CORS."""

from __future__ import annotations

import re
import sqlite3

import pytest

from sayso.errors import SaysoError
from sayso.serve import create_app, models
from sayso.store import Filters, open_store

KIVINEN_QUOTE = "Bakhmut is a limited breakthrough"


def assert_error(response, status: int, code: str, message_part: str = "") -> dict:
    """The one error shape: ``{"error": {"code", "message"}}`` and nothing else."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert message_part in body["error"]["message"]
    return body["error"]


def test_api_stats_count_the_store(client, serve_store):
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 5
    assert stats["attributions"] == serve_store.count()
    assert stats["attributions"] == sum(k["count"] for k in stats["kinds"])
    assert stats["attributions"] == sum(c["count"] for c in stats["channels"])
    assert stats["hedged"] == serve_store.count(Filters(hedged=True))
    assert {o["value"] for o in stats["top_outlets"]} >= {"Newsweek", "harbor-gazette"}
    assert stats["first_published"].startswith("2015-") or stats["first_published"].startswith("2016-")
    assert stats["last_published"].startswith("2022-12-29")
    assert {"value": "2022-12", "count": 2} in stats["months"]


def test_api_articles_pages_latest_first_with_total(client, hostile):
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert (first["total"], first["limit"], first["offset"]) == (5, 2, 0)
    assert [a["doc_id"] for a in first["items"]] == [hostile.doc_id, "bakhmut-newsweek-2022-12-27"]
    rest = client.get("/api/articles", params={"limit": 2, "offset": 4}).json()
    assert rest["total"] == 5 and len(rest["items"]) == 1
    everything = client.get("/api/articles").json()["items"]
    published = [a["published"] for a in everything]
    assert published == sorted(published, reverse=True)
    assert all(a["attributions"] > 0 for a in everything)


def test_api_articles_filter_by_outlet_dates_and_speaker(client, hostile):
    assert [a["doc_id"] for a in client.get("/api/articles", params={"outlet": "NEWSWEEK"}).json()["items"]] == [
        "bakhmut-newsweek-2022-12-27"
    ]
    recent = client.get("/api/articles", params={"since": "2022-12-28"}).json()
    assert [a["doc_id"] for a in recent["items"]] == [hostile.doc_id]
    # The registry's speaker, whatever name form each article gives him ("Markku Kivinen" in the example).
    kivinen = client.get("/api/articles", params={"speaker": "Markku J. Kivinen"}).json()
    assert sorted(a["doc_id"] for a in kivinen["items"]) == sorted([hostile.doc_id, "bakhmut-newsweek-2022-12-27"])


def test_api_article_by_doc_id_has_its_text_and_stored_attributions(client, serve_store):
    stored = serve_store.find_article("bakhmut-newsweek-2022-12-27")
    article = client.get("/api/articles/bakhmut-newsweek-2022-12-27").json()
    assert article["id"] == stored.id and article["text"] == stored.text
    assert article["outlet"] == "Newsweek" and article["authors"] == ["Nick Mordowanec"]
    assert article["attributions"] == [a.to_dict() for a in stored.attributions]
    kivinen = next(a for a in article["attributions"] if KIVINEN_QUOTE in a["text"]["content"])
    start, end = kivinen["content"][0]
    assert article["text"][start:end] == kivinen["text"]["content"]
    assert client.get(f"/api/articles/{stored.id[:10]}").json()["id"] == stored.id
    assert article["relays"] == [p.to_dict() for p in stored.relays]
    assert "Christo Grozev" in {p["origin"]["name"] for p in article["relays"] if p["origin"]}


def test_api_unknown_article_is_404(client):
    assert_error(client.get("/api/articles/no-such-article"), 404, "not_found", "[E103] no article 'no-such-article'")


def test_api_search_full_text_ranks_the_quote(client):
    page = client.get("/api/attributions", params={"q": "limited breakthroughs"}).json()  # stemmed
    assert page["total"] == 2  # the example and the hostile article's reprint
    assert all(KIVINEN_QUOTE in hit["content"] for hit in page["items"])
    assert {hit["speaker"] for hit in page["items"]} == {"Markku Kivinen", "Markku J. Kivinen"}
    assert page["items"][0]["rank"] >= page["items"][1]["rank"]


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"speaker": "haidai"}, lambda h: "Haidai" in h["speaker"]),
        ({"outlet": "newsweek"}, lambda h: h["outlet"] == "Newsweek"),
        ({"kind": "direct"}, lambda h: h["kind"] == "direct"),
        ({"channel": "telegram"}, lambda h: h["channel_type"] == "telegram"),
        ({"hedged": "true"}, lambda h: h["hedges"]),
        ({"hedged": "false"}, lambda h: not h["hedges"]),
        ({"since": "2022-12-28", "until": "2022-12-29"}, lambda h: h["published"].startswith("2022-12-29")),
    ],
)
def test_api_search_filters_keep_only_matching_attributions(client, params, check):
    page = client.get("/api/attributions", params={**params, "limit": 100}).json()
    assert page["items"] and page["total"] == len(page["items"])
    assert all(check(hit) for hit in page["items"])


def test_api_search_answer_is_the_documented_model_of_the_stores_page(client, serve_store):
    response = client.get("/api/attributions", params={"q": "Bakhmut", "limit": 3, "offset": 1})
    hits, total = serve_store.search_page(Filters("Bakhmut"), 3, 1)
    assert len(hits) == 3 and total > 4
    # What the response model would have made of the records, to the byte.
    documented = models.Page[models.Hit].model_validate({"total": total, "limit": 3, "offset": 1, "items": hits})
    assert response.content == documented.model_dump_json().encode()
    assert response.headers["content-type"] == "application/json"


def test_api_search_hedged_splits_all_attributions(client, serve_store):
    def total(**params):
        return client.get("/api/attributions", params={**params, "limit": 1}).json()["total"]

    assert total(hedged="true") + total(hedged="false") == total() == serve_store.count()


def test_api_search_pages_keep_the_total(client, serve_store):
    everything = serve_store.count()
    pages = [
        client.get("/api/attributions", params={"limit": 7, "offset": o}).json() for o in range(0, everything + 7, 7)
    ]
    assert all(p["total"] == everything for p in pages)
    ids = [(h["article_id"], h["idx"]) for p in pages for h in p["items"]]
    assert len(ids) == len(set(ids)) == everything
    assert pages[-1]["items"] == []


def test_api_speakers_list_most_quoted_first(client, serve_store):
    page = client.get("/api/speakers", params={"limit": 3}).json()
    assert page["total"] == len(serve_store.speakers())
    counts = [s["attributions"] for s in page["items"]]
    assert counts == sorted(counts, reverse=True) and len(counts) == 3
    # One person, both name forms counted together, as `sayso speakers` lists him.
    found = client.get("/api/speakers", params={"name": "kivinen"}).json()
    assert [s["name"] for s in found["items"]] == ["Markku Kivinen"] and found["total"] == 1
    assert "Markku J. Kivinen" in found["items"][0]["aliases"]
    assert found["items"][0]["attributions"] == serve_store.count(Filters(speaker="Markku J. Kivinen"))


def test_api_speaker_has_roles_months_outlets(client, serve_store):
    detail = client.get("/api/speakers/Serhiy Haidai").json()
    quotes = serve_store.search("", speaker="Serhiy Haidai", limit=100)
    assert detail["attributions"] == len(quotes) >= 3 and detail["articles"] == 1
    assert detail["aliases"] == [] and detail["id"] is not None and detail["note"] is None
    assert detail["roles"][0]["role"] == "governor of the Russian-occupied Luhansk region"
    assert detail["roles"][0]["first"] == "2022-12-27"
    assert detail["months"] == [{"value": "2022-12", "count": len(quotes)}]
    assert detail["outlets"] == [{"value": "Newsweek", "count": len(quotes)}]


def test_api_speaker_joins_the_name_forms_the_corpus_index_joined(client, serve_store, hostile):
    detail = client.get("/api/speakers/Markku Kivinen").json()
    assert detail["aliases"] == ["Markku J. Kivinen"]
    both = serve_store.search("", speaker="Kivinen", limit=100)
    assert detail["attributions"] == len(both) and detail["articles"] == 2
    assert {o["value"] for o in detail["outlets"]} == {"Newsweek", hostile.outlet}
    assert any("Aleksanteri Institute" in r["role"] for r in detail["roles"])


def test_api_speaker_without_an_index_is_its_name_only(unindexed_db, make_client):
    detail = make_client(unindexed_db).get("/api/speakers/Markku Kivinen").json()
    assert detail["aliases"] == [] and detail["id"] is None and "sayso ingest" in detail["note"]
    assert detail["articles"] == 1


def test_api_speaker_quotes_are_paged(client):
    first = client.get("/api/speakers/Serhiy Haidai/quotes", params={"limit": 2}).json()
    assert first["total"] >= 3 and len(first["items"]) == 2
    assert all(q["speaker"] == "Serhiy Haidai" for q in first["items"])
    rest = client.get("/api/speakers/Serhiy Haidai/quotes", params={"limit": 2, "offset": 2}).json()
    assert {q["idx"] for q in first["items"]}.isdisjoint({q["idx"] for q in rest["items"]})


def test_api_unknown_speaker_is_404(client):
    assert_error(client.get("/api/speakers/Nobody Atall"), 404, "not_found", "speaker 'Nobody Atall'")


def test_api_clusters_show_the_quote_across_two_outlets(client):
    page = client.get("/api/clusters").json()
    assert page["note"] is None and page["total"] == 1
    [cluster] = page["items"]
    assert KIVINEN_QUOTE in cluster["text"]
    assert cluster["outlets"][0] == "Newsweek" and len(cluster["outlets"]) == 2
    assert cluster["first"]["outlet"] == "Newsweek" and cluster["first"]["published"] == "2022-12-27"
    assert client.get(f"/api/clusters/{cluster['id']}").json() == cluster
    everything = client.get("/api/clusters", params={"min_outlets": 1, "limit": 2}).json()
    assert everything["total"] > 1 and len(everything["items"]) == 2
    assert_error(client.get("/api/clusters/nope"), 404, "not_found", "quote cluster 'nope'")


def test_api_clusters_without_an_index_are_empty_with_a_note(unindexed_db, make_client):
    page = make_client(unindexed_db).get("/api/clusters").json()
    assert page["items"] == [] and page["total"] == 0
    assert "sayso ingest" in page["note"]


def test_api_extract_finds_attributions_and_stores_nothing(client, serve_store):
    before = serve_store.count()
    text = "“We will hold the line,” said Serhiy Haidai, governor of the Luhansk region."
    found = client.post("/api/extract", json={"text": text}).json()["attributions"]
    assert [a["speaker"] for a in found] == ["Serhiy Haidai"]
    start, end = found[0]["content"][0]
    assert "We will hold the line" in text[start:end]
    assert serve_store.count() == before


def test_api_extract_over_the_size_limit_is_413(client):
    assert_error(client.post("/api/extract", json={"text": "a" * 250_000}), 413, "payload_too_large", "[E102]")


def test_api_streamed_body_over_the_limit_is_413(client):
    def chunks():
        for _ in range(30):
            yield b"x" * 10_000

    response = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert_error(response, 413, "payload_too_large", "over 200,000 bytes")


def test_api_lying_content_length_is_refused(serve_db, make_client):
    response = make_client(serve_db).post("/api/extract", content=b"{}", headers={"content-length": "abc"})
    assert_error(response, 400, "bad_request", "not a number")


@pytest.mark.parametrize(
    ("body", "status", "code", "part"),
    [
        ({"text": "   "}, 422, "invalid_request", "[E001]"),
        ({"txt": "Haidai said so."}, 422, "invalid_request", "body text: Field required"),
        (b'{"text": "unterminated', 400, "bad_request", "not valid JSON"),
    ],
)
def test_api_extract_bad_bodies(client, body, status, code, part):
    if isinstance(body, bytes):
        response = client.post("/api/extract", content=body, headers={"content-type": "application/json"})
    else:
        response = client.post("/api/extract", json=body)
    assert_error(response, status, code, part)


@pytest.mark.parametrize(
    ("path", "part"),
    [
        ("/api/articles?limit=101", "query limit: Input should be less than or equal to 100"),
        ("/api/attributions?offset=-1", "query offset"),
        ("/api/attributions?kind=shouted", "query kind"),
        ("/api/attributions?since=yesterday", "query since"),
    ],
)
def test_api_bad_parameters_are_422(client, path, part):
    assert_error(client.get(path), 422, "invalid_request", part)


def test_api_unknown_route_and_method(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found", "[E104] no such page: /api/nothing-here")
    assert_error(client.delete("/api/stats"), 405, "method_not_allowed", "DELETE is not allowed")


def test_api_ingest_is_off_without_a_token(client, serve_store, token):
    before = serve_store.count()
    response = client.post(
        "/api/articles", json={"text": "“No,” Haidai said."}, headers={"authorization": f"Bearer {token}"}
    )
    assert_error(response, 403, "forbidden", "[E105] ingesting is off")
    assert serve_store.count() == before


def test_api_ingest_needs_the_bearer_token(writable_db, make_client, token):
    api = make_client(writable_db, token=token)
    article = {
        "text": "“The bridge will reopen in March,” said Jane Doe, the mayor of Springfield.",
        "doc_id": "springfield-bridge", "outlet": "Springfield Times", "published": "2023-01-05",
        "url": "https://example.org/bridge",
    }
    missing = api.post("/api/articles", json=article)
    assert_error(missing, 401, "unauthorized", "[E106]")
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = {"authorization": "Bearer " + token[:-1] + "x"}
    assert_error(api.post("/api/articles", json=article, headers=wrong), 401, "unauthorized")
    basic = {"authorization": f"Basic {token}"}
    assert_error(api.post("/api/articles", json=article, headers=basic), 401, "unauthorized")
    stored = api.post("/api/articles", json=article, headers={"authorization": f"Bearer {token}"})
    assert stored.status_code == 201, stored.text
    body = stored.json()
    assert body["doc_id"] == "springfield-bridge" and body["attributions"] == 1
    back = api.get(body["href"]).json()
    assert back["outlet"] == "Springfield Times" and back["published"].startswith("2023-01-05")
    assert back["attributions"][0]["speaker"] == "Jane Doe"
    with open_store(writable_db, create=False) as store:
        assert store.find_article("springfield-bridge").id == body["id"]


def test_api_ingest_refuses_a_bad_date(writable_db, make_client, token):
    api = make_client(writable_db, token=token)
    response = api.post(
        "/api/articles", json={"text": "“Yes,” Doe said.", "published": "last Tuesday"},
        headers={"authorization": f"Bearer {token}"},
    )
    assert_error(response, 422, "invalid_request", "'last Tuesday' is not an ISO 8601 date")


@pytest.mark.parametrize("date", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"])
def test_api_ingest_refuses_a_date_at_the_calendar_edge_with_422_not_500(writable_db, make_client, token, date):
    api = make_client(writable_db, token=token)
    response = api.post("/api/articles", json={"text": "“Yes,” Doe said.", "published": date},
                        headers={"authorization": f"Bearer {token}"})
    assert_error(response, 422, "invalid_request", f"{date!r} is not an ISO 8601 date from 1600 to 9998")


def test_api_ingest_keeps_a_doc_id_with_a_lone_surrogate_escaped(writable_db, make_client, token):
    api = make_client(writable_db, token=token)
    body = '{"text": "Jane Doe said the bridge would reopen.", "doc_id": "a\\ud800b"}'  # JSON's escape of a lone surrogate
    response = api.post("/api/articles", content=body, headers={"authorization": f"Bearer {token}",
                                                                "content-type": "application/json"})
    assert response.status_code == 201, response.text
    assert response.json()["doc_id"] == "a\\ud800b"
    assert api.get(response.json()["href"]).json()["doc_id"] == "a\\ud800b"


def test_api_ingest_article_the_store_refuses_is_a_422_naming_it_with_e123(writable_db, make_client, token, monkeypatch):
    import sqlite3

    from sayso.store import Store

    def refusing(store, result, now):  # what a database may refuse in one document's values
        raise sqlite3.DataError("string or blob too big")

    monkeypatch.setattr(Store, "_write_article", refusing)
    api = make_client(writable_db, token=token)
    response = api.post("/api/articles", json={"text": "“Yes,” Doe said."}, headers={"authorization": f"Bearer {token}"})
    assert_error(response, 422, "invalid_request",
                 "[E123] POST /api/articles: cannot be stored (string or blob too big)")


@pytest.mark.parametrize("window", [
    {"until": "9999-12-31"}, {"until": "9999-12-31T23:59:59-12:00"}, {"since": "0001-01-01T00:00:00+14:00"},
    {"since": "9999-12-31T23:59:59-12:00"},
])
def test_api_date_filters_at_the_calendar_edge_answer(client, window):
    response = client.get("/api/articles", params=window)
    assert response.status_code == 200, response.text
    everything = client.get("/api/articles").json()["total"]
    assert response.json()["total"] == (0 if window.get("since", "").startswith("9999") else everything)


def test_api_ingest_has_its_own_body_limit(writable_db, make_client, token):
    api = make_client(writable_db, token=token, max_body=1_000, max_article_body=5_000)
    big = {"text": "Haidai said it. " * 200}  # over max_body, under max_article_body: reaches the token check
    assert_error(api.post("/api/articles", json=big), 401, "unauthorized")
    assert_error(api.post("/api/extract", json=big), 413, "payload_too_large")
    huge = {"text": "Haidai said it. " * 400}
    assert_error(api.post("/api/articles", json=huge), 413, "payload_too_large", "the limit is 5,000 bytes")


def test_api_sends_no_cors_headers_by_default(client):
    response = client.get("/api/stats", headers={"origin": "https://elsewhere.example"})
    assert response.status_code == 200
    assert not [h for h in response.headers if h.startswith("access-control-")]
    preflight = client.options(
        "/api/stats", headers={"origin": "https://elsewhere.example", "access-control-request-method": "GET"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_api_cors_only_for_configured_origins(serve_db, make_client):
    api = make_client(serve_db, cors_origins=["https://newsroom.example"])
    allowed = api.get("/api/stats", headers={"origin": "https://newsroom.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://newsroom.example"
    other = api.get("/api/stats", headers={"origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_api_openapi_documents_every_route_and_the_error_shape(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path, method in [
        ("/api/articles", "get"), ("/api/articles", "post"), ("/api/articles/{key}", "get"),
        ("/api/attributions", "get"), ("/api/speakers", "get"), ("/api/speakers/{name}", "get"),
        ("/api/speakers/{name}/quotes", "get"), ("/api/clusters", "get"), ("/api/clusters/{cluster_id}", "get"),
        ("/api/stats", "get"), ("/api/extract", "post"),
    ]:
        assert method in paths[path], (path, method)
    assert paths["/api/attributions"]["get"]["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorResponse"
    }
    search_params = {p["name"] for p in paths["/api/attributions"]["get"]["parameters"]}
    assert search_params >= {"q", "speaker", "outlet", "since", "until", "kind", "channel", "hedged", "limit", "offset"}
    assert not [p for p in paths if not p.startswith("/api")]  # the pages are not API


def test_api_server_error_is_500_in_the_same_shape(writable_db, make_client):
    api = make_client(writable_db)
    connection = sqlite3.connect(writable_db.removeprefix("sqlite:///"))
    connection.execute("DROP TABLE errors")
    connection.commit()
    connection.close()
    error = assert_error(api.get("/api/stats"), 500, "internal_error", "[E108] internal server error (SaysoError)")
    assert writable_db.removeprefix("sqlite:///") not in error["message"]  # no paths or SQL in answers


def test_api_app_refuses_a_missing_store_or_a_short_token(tmp_path, serve_db):
    with pytest.raises(SaysoError, match=r"\[E035\]"):
        create_app(f"sqlite:///{tmp_path / 'missing.db'}")
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(SaysoError, match=r"\[E101\].*only 6 characters long"):
        create_app(serve_db, token="secret")


@pytest.mark.parametrize("code,status,name", [("E112", 400, "ambiguous"), ("E038", 400, "ambiguous"), ("E031", 500, "internal_error")])
def test_api_library_errors_answer_by_their_code_not_their_text(client, monkeypatch, code, status, name):
    from sayso.errors import Errors
    from sayso.store.base import Store

    message = {"E112": Errors.E112.format(name="Clinton", count=2, speakers="…"),
               "E038": Errors.E038.format(key="a", path="sqlite:///x.db", ids="a1, a2"),
               "E031": Errors.E031.format(path="x.db", found=9, supported=1)}[code]

    def refuse(self, name, **_):
        raise SaysoError(message)

    monkeypatch.setattr(Store, "speaker", refuse)
    error = assert_error(client.get("/api/speakers/Clinton"), status, name)
    assert error["message"].startswith(f"[{code}]") or status == 500


def test_api_docs_page_loads_only_the_servers_own_assets(client):
    response = client.get("/docs")
    assert response.status_code == 200 and 'data-schema="/openapi.json"' in response.text
    sources = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert sources and not [s for s in sources if "//" in s]
    for path in (s for s in sources if s.startswith("/docs/assets/")):
        assert client.get(path).status_code == 200, path
