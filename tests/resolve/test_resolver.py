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


def test_a_record_is_compared_only_with_the_stored_incidents_of_its_own_window(resolver):
    a = make_record("doc-a", context=ROSTOV_TEXT_A)
    (stored,) = resolver.assign([a], [])
    b = make_record("doc-b", context=ROSTOV_TEXT_B)
    candidates = [Cluster(stored.cluster_id, [a])]
    (outside,) = resolver.assign([b], candidates, reach={b.record_id: []})
    assert outside.new_cluster and outside.cluster_id != stored.cluster_id
    (inside,) = resolver.assign([b], candidates, reach={b.record_id: [stored.cluster_id]})
    assert inside.cluster_id == stored.cluster_id


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
    assert second.reasons == (
        "no compatible incident", f"{first.cluster_id}: 958 km apart (over 50 km at city precision)"
    )


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


VANCOUVER_TRIAL = (
    "The trial of Eric Kirkpatrick opened on Monday; prosecutors said the fired worker came back to his former "
    "office with a handgun."
)


def test_arrest_report_joins_the_attack_it_follows(resolver):
    attack = make_record("attack", kind="armed_assault", date="2008-01-25", location=VANCOUVER, context=VANCOUVER_TEXT)
    arrest = make_record("arrest", kind="arrest", date="2008-01-26", location=VANCOUVER, context=VANCOUVER_TEXT)
    first, second = resolver.assign([attack, arrest], [])
    assert second.cluster_id == first.cluster_id
    assert "follow-up (arrest / armed_assault)" in second.reasons


def test_trial_months_later_joins_its_incident_when_texts_agree(resolver):
    attack = make_record("attack", kind="armed_assault", date="2008-01-25", location=VANCOUVER, context=VANCOUVER_TEXT)
    trial = make_record("trial", kind="armed_assault", date="2008-09-15", location=VANCOUVER, context=VANCOUVER_TRIAL)
    first, second = resolver.assign([attack, trial], [])
    assert second.cluster_id == first.cluster_id
    assert any(r.startswith("dates too far apart (2008-09-15 / 2008-01-25), outweighed by text similarity")
               for r in second.reasons)


def test_report_more_than_a_follow_up_window_later_stays_apart(resolver):
    attack = make_record("attack", kind="armed_assault", date="2008-01-25", location=VANCOUVER, context=VANCOUVER_TEXT)
    later = make_record("later", kind="armed_assault", date="2010-03-01", location=VANCOUVER, context=VANCOUVER_TRIAL)
    first, second = resolver.assign([attack, later], [])
    assert second.new_cluster and second.cluster_id != first.cluster_id


def partition(assignments) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for assignment in assignments:
        groups.setdefault(assignment.cluster_id, set()).add(assignment.record_id)
    return {frozenset(members) for members in groups.values()}


def test_order_of_records_in_a_batch_does_not_change_the_incidents(resolver):
    records = [
        make_record("r1", context=ROSTOV_TEXT_A),
        make_record("t1", kind="armed_assault", date=None, location=TROY, context=TROY_TEXT, published="2007-04-10"),
        make_record("r2", context=ROSTOV_TEXT_B),
        make_record("t2", kind="armed_assault", date=None, location=TROY, context=TROY_TEXT, published="2007-04-11"),
        make_record("r3", context=ROSTOV_TEXT_A + " Two guards survived."),
    ]
    expected = {frozenset({"r1:i1", "r2:i1", "r3:i1"}), frozenset({"t1:i1", "t2:i1"})}
    assert partition(resolver.assign(records, [])) == expected
    assert partition(Resolver(load_settings()).assign(records[::-1], [])) == expected


def test_a_recalled_incident_cannot_keep_two_reports_of_one_incident_apart(resolver):
    # report "x" recalls an earlier incident that reads like "y"'s; its own main record is about the same event
    y_main = make_record("y", context=ROSTOV_TEXT_A)
    x_recalled = make_record("x", role="background", context=ROSTOV_TEXT_A, number=1)
    x_main = make_record("x", context=ROSTOV_TEXT_B, number=2)
    y, recalled, main = resolver.assign([y_main, x_recalled, x_main], [])
    assert main.cluster_id == y.cluster_id and not main.new_cluster
    assert recalled.cluster_id != y.cluster_id


def test_incidents_dated_years_apart_stay_apart_though_undated_reports_resemble_both(resolver):
    dated_2008 = make_record("d2008", kind="riot", date="2008-12-13", location=None, context=ROSTOV_TEXT_A)
    dated_2010 = make_record("d2010", kind="riot", date="2010-05-05", location=None, context=ROSTOV_TEXT_A)
    undated = [make_record(f"u{n}", kind="riot", date=None, location=None, context=ROSTOV_TEXT_A) for n in range(3)]
    assignments = resolver.assign([dated_2008, *undated, dated_2010], [])
    assert assignments[0].cluster_id != assignments[-1].cluster_id
    assert len({a.cluster_id for a in assignments}) == 2
    founder = next(a for a in assignments if a.new_cluster and a.cluster_id != assignments[0].cluster_id)
    refusal = f"{assignments[0].cluster_id}: its reports date it more than 400 days from this one's"
    assert refusal in founder.reasons


def test_a_joined_record_names_its_closest_record_and_the_incident_score(resolver):
    a = make_record("doc-a", context=ROSTOV_TEXT_A)
    b = make_record("doc-b", context=ROSTOV_TEXT_B)
    c = make_record("doc-c", context=ROSTOV_TEXT_B + " The guards were unhurt.")
    assignments = resolver.assign([a, b, c], [])
    assert len({x.cluster_id for x in assignments}) == 1
    assert assignments[0].new_cluster and not any(x.new_cluster for x in assignments[1:])
    closest = [r for r in assignments[2].reasons if r.startswith("closest record: ")]
    assert closest and closest[0].removeprefix("closest record: ") in {"doc-a:i1", "doc-b:i1"}
    assert assignments[2].reasons[-1].startswith("incident score ")
