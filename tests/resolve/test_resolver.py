from incidex.config import load_settings
from incidex.resolve import Cluster, Resolver
from incidex.resolve.cluster import cluster_id_for
from incidex.types import Figure, Location, Source

from .resolve_helpers import TROY, VANCOUVER, make_record

ROSTOV_TEXT_A = (
    "Six inmates linked to Islamic State took two guards hostage at a detention center in Rostov-on-Don on Sunday. "
    "Russian special forces stormed the building and killed the hostage-takers, the Federal Penitentiary Service said."
)
ROSTOV_TEXT_B = (
    "Russian special forces freed two prison guards held hostage by inmates in Rostov-on-Don, killing five of the "
    "hostage-takers, state media reported. The inmates had ties to Islamic State, according to Telegram channels."
)
VANCOUVER_TEXT = (
    "A former employee opened fire at the TallGrass Distribution Christmas party in Vancouver, killing chief "
    "executive Benjamin Banky. Police charged Eric Kirkpatrick with first-degree murder."
)
TROY_TEXT = (
    "A fired accountant walked into his former office in Troy, Michigan, and shot his manager dead with a shotgun. "
    "Anthony LaCalamita was charged with murder after the shooting at Gordon Advisors."
)


def killed(value: int, source: str) -> Figure:
    return Figure(field="killed.perpetrators", value=value, source=source, text=str(value), start=0, end=1)


def test_same_event_reported_twice_becomes_one_incident(resolver):
    a = make_record("doc-a", context=ROSTOV_TEXT_A, actors=("Islamic State",), published="2024-06-17",
                    figures=(killed(6, "Federal Penitentiary Service"),),
                    sources=(Source("Federal Penitentiary Service", "official"),))
    b = make_record("doc-b", context=ROSTOV_TEXT_B, actors=("Islamic State",), published="2024-06-18",
                    figures=(killed(5, "state media"),), sources=(Source("state media", "state_media"),))
    first, second = resolver.assign([a, b], [])
    assert first.new_cluster and first.cluster_id == cluster_id_for("doc-a:i1")
    assert not second.new_cluster and second.cluster_id == first.cluster_id
    assert second.score >= resolver.threshold
    assert "same type family (hostage_taking)" in second.reasons
    assert "dates overlap (2024-06-16 / 2024-06-16)" in second.reasons
    assert "0 km apart" in second.reasons
    assert "shared actor: Islamic State" in second.reasons
    assert any(r.startswith("text similarity ") for r in second.reasons)

    view = resolver.reconcile(Cluster(first.cluster_id, [a, b]))
    assert view.document_ids == ["doc-a", "doc-b"]
    rec = next(r for r in view.reconciliation if r.field == "killed.perpetrators")
    assert (rec.value, rec.low, rec.high) == (6, 5, 6)
    assert view.casualties.killed.total == 6  # the sum of the party figures
    assert rec.rule.startswith("official figure (Federal Penitentiary Service")
    assert sorted(f.value for f in view.figures) == [5, 6]
    assert {s.document_id for s in view.sources} == {"doc-a", "doc-b"}


def test_among_equally_authoritative_figures_the_latest_report_wins(resolver):
    a = make_record("doc-a", context=ROSTOV_TEXT_A, published="2024-06-18", figures=(killed(4, "witness"),))
    b = make_record("doc-b", context=ROSTOV_TEXT_B, published="2024-06-17", figures=(killed(3, "witness"),))
    view = resolver.reconcile(Cluster("inc-x", [a, b]))
    assert view.casualties.killed.perpetrators == 4
    rule = view.reconciliation[0].rule
    assert "latest report" in rule and "doc-a" in rule and "2024-06-18" in rule
    assert (view.reconciliation[0].low, view.reconciliation[0].high) == (3, 4)


ROSTOV_AUGUST = (
    "A patient under guard at a Rostov-on-Don hospital seized a nurse and held her hostage for three hours on "
    "Friday before police negotiators talked him into surrendering, the regional health ministry said."
)


def test_same_type_same_city_different_month_stays_apart(resolver):
    a = make_record("doc-a", context=ROSTOV_TEXT_A, date="2024-06-16")
    b = make_record("doc-b", context=ROSTOV_AUGUST, date="2024-08-02")
    first, second = resolver.assign([a, b], [])
    assert second.new_cluster and second.cluster_id != first.cluster_id
    assert second.reasons[1] == f"{first.cluster_id}: dates too far apart (2024-08-02 / 2024-06-16)"


def test_strongly_agreeing_texts_outweigh_a_place_conflict(resolver):
    # geocoding is the noisiest field: a report of a ship attack may place it in Yemen, another in Somalia
    a = make_record("doc-a", context=ROSTOV_TEXT_A)
    b = make_record("doc-b", context=ROSTOV_TEXT_A, location=Location("Moscow", "RU", None, 55.75, 37.62, "city"))
    first, second = resolver.assign([a, b], [])
    assert second.cluster_id == first.cluster_id
    assert "958 km apart (over 50 km at city precision), outweighed by text similarity 1.00" in second.reasons


def test_two_office_shootings_of_a_topic_stay_apart(resolver):
    vancouver = [
        make_record(f"van-{n}", kind="armed_assault", date=None, location=VANCOUVER, context=VANCOUVER_TEXT,
                    published="2008-01-26")
        for n in range(2)
    ]
    troy = [
        make_record(f"troy-{n}", kind="armed_assault", date=None, location=TROY, context=TROY_TEXT,
                    published="2007-04-10")
        for n in range(2)
    ]
    assignments = resolver.assign([vancouver[0], troy[0], vancouver[1], troy[1]], [])
    ids = [a.cluster_id for a in assignments]
    assert ids[0] == ids[2] and ids[1] == ids[3] and ids[0] != ids[1]


def test_text_alone_separates_undated_unplaced_reports(resolver):
    records = [
        make_record(name, kind="armed_assault", date=None, location=None, context=text)
        for name, text in (("v1", VANCOUVER_TEXT), ("t1", TROY_TEXT), ("v2", VANCOUVER_TEXT + " He was 61."))
    ]
    v1, t1, v2 = resolver.assign(records, [])
    assert v2.cluster_id == v1.cluster_id != t1.cluster_id


def test_new_batch_merges_into_stored_incident(resolver):
    a = make_record("doc-a", context=ROSTOV_TEXT_A)
    (stored,) = resolver.assign([a], [])
    b = make_record("doc-b", context=ROSTOV_TEXT_B)
    (later,) = resolver.assign([b], [Cluster(stored.cluster_id, [a])])
    assert later.cluster_id == stored.cluster_id and not later.new_cluster


def test_reassigning_a_stored_record_is_idempotent(resolver):
    a = make_record("doc-a", context=ROSTOV_TEXT_A)
    (again,) = resolver.assign([a], [Cluster("inc-stored", [a])])
    assert again.cluster_id == "inc-stored" and again.reasons == ("already in this incident",)


def test_records_of_one_report_never_merge(resolver):
    a = make_record("doc-a", context=ROSTOV_TEXT_A, number=1)
    b = make_record("doc-a", context=ROSTOV_TEXT_A, number=2)
    first, second = resolver.assign([a, b], [])
    assert first.cluster_id != second.cluster_id


def test_background_record_joins_the_incident_it_recalls(resolver):
    crocus = Location("Krasnogorsk", "RU", "Moscow Oblast", 55.82, 37.33, "city")
    main = make_record("march", kind="armed_assault", date="2024-03-22", location=crocus,
                       actors=("Islamic State Khorasan",),
                       context="Gunmen attacked the Crocus City Hall concert venue outside Moscow, killing 145 people.")
    recalled = make_record("june", kind="armed_assault", role="background", date="2024-03", precision="month",
                           location=crocus, actors=("Islamic State Khorasan",),
                           context="In March, gunmen killed 145 people at Crocus City Hall outside Moscow.")
    first, second = resolver.assign([main, recalled], [])
    assert second.cluster_id == first.cluster_id
    assert "dates overlap (2024-03 / 2024-03-22)" in second.reasons


def test_background_record_needs_more_than_text(resolver):
    main = make_record("a", date=None, location=None, context=ROSTOV_TEXT_A)
    recalled = make_record("b", role="background", date=None, location=None, context=ROSTOV_TEXT_A)
    first, second = resolver.assign([main, recalled], [])
    assert second.new_cluster and second.cluster_id != first.cluster_id


def test_far_apart_places_block_a_merge(resolver):
    a = make_record("a", context=ROSTOV_TEXT_A)
    b = make_record("b", context=ROSTOV_AUGUST, location=Location("Moscow", "RU", None, 55.75, 37.62, "city"))
    first, second = resolver.assign([a, b], [])
    assert second.new_cluster and second.score == 0.0
    assert second.reasons == ("no compatible incident", f"{first.cluster_id}: 958 km apart (over 50 km at city precision)")


def test_window_spans_a_month_precision_date(resolver):
    record = make_record("a", date="2024-03", precision="month")
    window = resolver.window(record)
    assert (window.date_from, window.date_to, window.country_code) == ("2024-02-27", "2024-04-03", "RU")


def test_window_of_undated_record_uses_publication_date(resolver):
    record = make_record("a", date=None, location=None, published="2024-06-17")
    window = resolver.window(record)
    assert window.date_to == "2024-06-20" and window.date_from == "2024-03-16"
    assert window.country_code is None


def test_an_empty_candidate_incident_is_refused_not_fatal(resolver):
    low = Resolver(load_settings().with_overrides(resolve={"similarity_threshold": 0.1}))
    (assignment,) = low.assign([make_record("a", context=ROSTOV_TEXT_A)], [Cluster("inc-empty", [])])
    assert assignment.new_cluster and assignment.reasons == ("no compatible incident", "inc-empty: holds no records")


def test_assignment_is_deterministic_across_runs(resolver):
    records = [make_record(f"d{n}", context=text) for n, text in enumerate([ROSTOV_TEXT_A, ROSTOV_TEXT_B, TROY_TEXT])]
    first = resolver.assign(records, [])
    again = Resolver(load_settings()).assign(records, [])
    assert first == again


def test_dates_a_day_apart_are_within_tolerance(resolver):
    a = make_record("a", context=ROSTOV_TEXT_A, date="2024-06-16")
    b = make_record("b", context=ROSTOV_TEXT_B, date="2024-06-17")
    first, second = resolver.assign([a, b], [])
    assert second.cluster_id == first.cluster_id
    assert "dates within 3 days (2024-06-17 / 2024-06-16)" in second.reasons
