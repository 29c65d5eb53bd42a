"""The figures stage entry point: ``helpers.figures.run`` makes and saves exactly what notebooks 08–11 declare."""
from __future__ import annotations

import pandas as pd
import pytest
from IPython.display import Image, Markdown

import figure_frames as ff
from helpers import figures
from helpers.figures import style, timeline


@pytest.fixture
def processed(tmp_path):
    ff.write_all(tmp_path / "processed")
    return tmp_path / "processed"


def test_read_inputs_reads_the_declared_tables_and_optional_ones_only_when_present(processed):
    assert set(figures.read_inputs("08", processed)) == {"places", "events", "articles"}
    assert set(figures.read_inputs("10_claims_chart", processed)) == {"claims_ledger", "articles"}
    from helpers.core.tables import write_table
    from helpers.core import schemas
    write_table(schemas.get("reference_checks").empty(), "reference_checks", processed)
    assert set(figures.read_inputs("10", processed)) == {"claims_ledger", "articles", "reference_checks"}


@pytest.mark.parametrize("notebook, files", [
    ("08", {"map"}),
    ("09", {"timeline", "events_by_type"}),
    ("10", {"claims_ledger", "reference_series"}),
    ("11", {"rewrite_summary", f"rewrite_{ff.A2[:8]}_{ff.A0[:8]}"}),
])
def test_run_saves_each_notebooks_figures_and_writes_no_table(processed, tmp_path, notebook, files):
    result = figures.run(notebook, figures.read_inputs(notebook, processed), tmp_path / "figures")
    assert result.tables == {} and result.errors == []
    saved = {p.name for p in (tmp_path / "figures").iterdir()}
    assert saved == {f"{stem}.{ext}" for stem in files for ext in ("png", "svg")}
    assert all(isinstance(result.show(name), Image) for name in result.figures)


def test_run_draws_the_same_bytes_as_the_figure_functions(processed, tmp_path):
    inputs = figures.read_inputs("09", processed)
    result = figures.run("09", inputs, tmp_path / "stage")
    rows = timeline.prepare_timeline(inputs["events"], inputs["articles"])
    direct = style.save_figure(timeline.plot_timeline(rows, source_line=style.sources_text(
        inputs["articles"], rows["article_id"])), tmp_path / "direct", "timeline")
    assert result.frames["rows"].equals(rows)
    for fmt in ("png", "svg"):
        assert result.figures["timeline"][fmt].read_bytes() == direct[fmt].read_bytes()


def test_no_pairs_gives_a_message_instead_of_an_empty_chart(processed, tmp_path):
    inputs = figures.read_inputs("11", processed)
    inputs["article_pairs"] = inputs["article_pairs"].assign(relation="related")
    result = figures.run("11", inputs, tmp_path / "figures")
    assert result.figures == {}
    assert not (tmp_path / "figures").exists() or not list((tmp_path / "figures").iterdir())
    shown = result.show("rewrite_summary")
    assert isinstance(shown, Markdown) and shown.data == "No rewrite pairs in this corpus."
    assert result.show("rewrite_pair_1").data == "No rewrite or duplicate pairs in this corpus."


def test_a_missing_input_or_unknown_notebook_is_a_clear_error(processed, tmp_path):
    inputs = figures.read_inputs("08", processed)
    del inputs["events"]
    with pytest.raises(ValueError, match=r"08 .*\['events'\]"):
        figures.run("08", inputs, tmp_path)
    with pytest.raises(KeyError, match="no figures notebook '07'"):
        figures.run("07", inputs, tmp_path)


@pytest.mark.parametrize("notebook, maker", [("09", "timeline.plot_timeline"), ("11", "rewrite_view.plot_rewrite_pair")])
def test_a_figure_of_unchanged_data_is_copied_from_the_cache_not_drawn_again(processed, tmp_path, monkeypatch,
                                                                               notebook, maker):
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", str(tmp_path / "cache"))
    inputs = figures.read_inputs(notebook, processed)
    first = figures.run(notebook, inputs, tmp_path / "first")
    module, name = maker.split(".")

    def fail(*args, **kwargs):
        raise AssertionError("drawn again")

    monkeypatch.setattr(getattr(figures.stage, module), name, fail)
    again = figures.run(notebook, inputs, tmp_path / "again")  # same data: the saved files, byte for byte
    assert sorted(again.figures) == sorted(first.figures)
    for fig, paths in first.figures.items():
        for fmt, path in paths.items():
            assert again.figures[fig][fmt].read_bytes() == path.read_bytes()
            assert again.figures[fig][fmt].parent == tmp_path / "again"
    changed = {**inputs, "articles": inputs["articles"].assign(title=inputs["articles"]["title"] + " (updated)")}
    with pytest.raises(AssertionError, match="drawn again"):  # new titles change a source line: drawn again
        figures.run(notebook, changed, tmp_path / "changed")


def test_a_pair_figure_is_drawn_again_only_when_its_own_pair_changes(processed, tmp_path, monkeypatch):
    """Each closest pair's figure is cached on its own rows and its two articles' names: an article added elsewhere
    (a +1 rebuild) copies it; a new title of one of its articles draws it again."""
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", str(tmp_path / "cache"))
    inputs = figures.read_inputs("11", processed)
    first = figures.run("11", inputs, tmp_path / "first")
    pair = first.figures["rewrite_pair_1"]["png"]
    arts = inputs["articles"]
    added = arts[arts["article_id"] == ff.A0].assign(article_id="f" * 32, title="An article added elsewhere")

    def fail(*args, **kwargs):
        raise AssertionError("drawn again")

    monkeypatch.setattr(figures.stage.rewrite_view, "plot_rewrite_pair", fail)
    elsewhere = {**inputs, "articles": pd.concat([arts, added], ignore_index=True)}
    again = figures.run("11", elsewhere, tmp_path / "again")
    assert again.figures["rewrite_pair_1"]["png"].read_bytes() == pair.read_bytes()
    own = {**inputs, "articles": arts.assign(title=arts["title"].where(arts["article_id"] != ff.A0, "Another title"))}
    with pytest.raises(AssertionError, match="drawn again"):
        figures.run("11", own, tmp_path / "own")


def test_an_earlier_runs_pair_figures_not_drawn_now_are_removed(processed, tmp_path):
    """After a rebuild the figures folder holds what a full run makes: a pair that is no longer among the closest (or a
    summary when no pair is left) from an earlier run is removed; the other notebooks' figures stay."""
    out = tmp_path / "figures"
    out.mkdir()
    stale = [out / "rewrite_00000000_11111111.png", out / "rewrite_00000000_11111111.svg"]
    for f in stale + [out / "map.png"]:
        f.write_bytes(b"old")
    result = figures.run("11", figures.read_inputs("11", processed), out)
    made = sorted(p.name for files in result.figures.values() for p in files.values())
    assert made and sorted(p.name for p in out.iterdir()) == sorted(made + ["map.png"])
    inputs = figures.read_inputs("11", processed)
    inputs["article_pairs"] = inputs["article_pairs"].assign(relation="related")  # no pair left: nothing drawn
    figures.run("11", inputs, out)
    assert sorted(p.name for p in out.iterdir()) == ["map.png"]
