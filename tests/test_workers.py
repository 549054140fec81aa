"""Many ingest workers, one graph: worker processes writing to a real Oxigraph server, one of them
killed midway, end with the same claims, reviews and subject pages as the embedded store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from servers import oxigraph_server

from factcheck.api import ingest_many
from factcheck.graph import article_graph_names, open_store, read_claims
from factcheck.models import Claim
from factcheck.site.build import build_site

PRODUCTS = ["Aster", "Borealis", "Cobalt", "Dunlin", "Ember", "Fennel", "Garnet", "Heron"]


def write_mirror(root: Path) -> list[str]:
    """Eight articles, each citing (with a link) a statistics page that states one of its two figures
    as written and the other differently; laid out as a replay mirror."""
    urls = []
    for i, name in enumerate(PRODUCTS):
        share, units = 10 + i, 2 + i
        article = root / f"wire{i}.example" / "story"
        source = root / "stats.example" / f"report-{i}"
        article.mkdir(parents=True)
        source.mkdir(parents=True)
        (article / "index.html").write_text(
            f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{name} phones sell well | Wire {i}</title><meta name="author" content="Writer {i}">
<meta property="article:published_time" content="2026-0{1 + i}-1{i}T09:00:00+00:00">
<meta property="og:site_name" content="Wire {i}"></head><body><article><h1>{name} phones sell well</h1>
<p>{name} Mobile held {share}% of the smartphone market in the first quarter, according to
<a href="https://stats.example/report-{i}/">Stats Bureau</a>.</p>
<p>{name} Mobile shipped {units}.5 million phones in the quarter, the
<a href="https://stats.example/report-{i}/">Stats Bureau report</a> says.</p>
</article></body></html>""",
            encoding="utf-8",
        )
        (source / "index.html").write_text(
            f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report {i}</title></head>
<body><main><h1>Smartphone market, first quarter</h1>
<p>{name} Mobile held {share}% of the smartphone market in the first quarter.</p>
<p>{name} Mobile shipped {units + i % 2}.5 million phones in the quarter.</p></main></body></html>""",
            encoding="utf-8",
        )
        urls.append(f"https://wire{i}.example/story/")
    return urls


def summary(claims: list[Claim]) -> list[tuple]:
    """What a reader compares: each claim, its figure, subject, sources, verdict and evidence quotes."""
    return sorted(
        (
            c.id,
            c.quote,
            c.quantity.value,
            c.subject,
            c.sources,
            c.review.verdict if c.review else None,
            tuple(ev.quote for ev in c.review.evidence) if c.review else (),
        )
        for c in claims
    )


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    folder = tmp_path_factory.mktemp("workers")
    urls = write_mirror(folder / "web")
    listing = folder / "urls.txt"
    listing.write_text("# the articles to ingest\n" + "\n".join(urls) + "\n", encoding="utf-8")
    return folder / "web", listing, urls


@pytest.fixture(scope="module")
def embedded(mirror: tuple[Path, Path, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    web, _listing, urls = mirror
    store = tmp_path_factory.mktemp("embedded") / "store"
    # Two workers into the embedded store: this process holds it and writes what they send back.
    report = ingest_many(urls, store=str(store), workers=2, archive=web)
    assert len(report.stored) == 8 and not report.failed
    return store


def cli(*args: str) -> subprocess.Popen[str]:
    code = "import sys; from factcheck.cli import main; sys.exit(main())"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_four_workers_one_killed_midway_store_every_article_once(
    mirror: tuple[Path, Path, list[str]], embedded: Path, tmp_path: Path
) -> None:
    web, listing, urls = mirror
    with oxigraph_server(tmp_path / "oxigraph") as server:
        run = cli(
            "ingest", "--from", str(listing), "--workers", "4", "--store", server, "--archive", str(web)
        )
        assert run.stderr is not None
        lines, killed, assigned = [], None, 0
        for line in run.stderr:
            lines.append(line)
            if line.startswith("worker ") and " ingesting " in line:
                assigned += 1
                # The fifth article goes to a worker that has stored one already: kill it on this one.
                if assigned == 5 and killed is None:
                    killed = int(line.split()[1])
                    os.kill(killed, signal.SIGKILL)
        assert run.wait(timeout=300) == 0, "".join(lines)
        output = "".join(lines)
        assert killed is not None and f"worker {killed} died" in output and "trying again" in output
        assert "8 stored" in output and "0 failed" in output

        with open_store(server) as remote, open_store(str(embedded)) as local:
            assert len(article_graph_names(remote)) == 8
            articles = remote.query(
                "SELECT ?g (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?a a <https://schema.org/NewsArticle> } }"
                " GROUP BY ?g"
            )
            assert sorted(int(str(row[1])) for row in articles) == [1] * 8  # each article stored once
            remote_claims, local_claims = read_claims(remote), read_claims(local)
            assert len(remote_claims) == len(local_claims) == 16
            assert summary(remote_claims) == summary(local_claims)
            verdicts = {c.review.verdict for c in remote_claims if c.review}
            assert verdicts == {"supported", "contradicted"}
            build_site(remote, tmp_path / "from-server")
            build_site(local, tmp_path / "from-embedded")
        subjects = sorted(p.name for p in (tmp_path / "from-server" / "subjects").glob("*.html"))
        assert len(subjects) == 8
        for name in subjects:
            served = (tmp_path / "from-server" / "subjects" / name).read_bytes()
            assert served == (tmp_path / "from-embedded" / "subjects" / name).read_bytes(), name
        claim_pages = {
            p.relative_to(tmp_path / "from-server")
            for p in (tmp_path / "from-server").glob("claims/*/*.html")
        }
        assert claim_pages == {
            p.relative_to(tmp_path / "from-embedded")
            for p in (tmp_path / "from-embedded").glob("claims/*/*.html")
        }

        # Running the list again with --resume skips every article: all are stored, unchanged.
        again = cli(
            "ingest",
            "--from",
            str(listing),
            "--workers",
            "4",
            "--store",
            server,
            "--archive",
            str(web),
            "--resume",
        )
        _out, err = again.communicate(timeout=300)
        assert again.returncode == 0, err
        assert "0 stored (0 claims), 8 unchanged, 0 failed" in err
        with open_store(server) as remote:
            assert len(article_graph_names(remote)) == 8


def test_resume_redoes_only_what_changed_or_is_missing(
    mirror: tuple[Path, Path, list[str]], embedded: Path, tmp_path: Path
) -> None:
    import shutil

    web, _listing, urls = mirror
    store = tmp_path / "store"
    shutil.copytree(embedded, store)
    changed = tmp_path / "web"
    shutil.copytree(web, changed)
    page = changed / "wire3.example" / "story" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("13%", "15%"), encoding="utf-8")
    with open_store(str(store)) as st:
        st.drop_graph(article_graph_names(st)[0])
    report = ingest_many(urls, store=str(store), workers=2, archive=changed, resume=True)
    assert len(report.stored) == 2 and len(report.skipped) == 6 and not report.failed
    assert "https://wire3.example/story/" in [source for source, _g, _n in report.stored]
    with open_store(str(store)) as st:
        assert len(article_graph_names(st)) == 8
