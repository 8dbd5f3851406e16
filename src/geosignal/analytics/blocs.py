"""Alignment blocs: communities of states in the signed cooperation–conflict graph.

The graph: states are nodes; each pair of states that interact has a cooperation weight (the sum
of the positive Goldstein scores of their events) and a conflict weight (the sum of the negative
ones, as a magnitude). Cooperation and conflict stay two layers rather than one net number, so a
pair that both talks and fights keeps both.

The partition maximises the signed modularity of Gómez, Jensen and Arenas (2009, "Analysis of
community structure in networks of correlated data", Phys. Rev. E 80, 016114):
``Q = (2w⁺ Q⁺ − 2w⁻ Q⁻) / (2w⁺ + 2w⁻)``, the modularity of the cooperation layer minus that of the
conflict layer, weighted by their totals. It rewards cooperation inside blocs beyond chance and
conflict between them, so two rivals that both cooperate with a third are not merged just because
the positive graph connects them (plain modularity on positive weights cannot see conflict).
It is maximised with the Louvain method (local moves of one node at a time to the bloc that most
raises Q, then blocs collapsed into nodes, repeated until nothing moves), in a fixed node order, so
the same store gives the same blocs. networkx has no signed community detection; the graph itself
is a networkx graph (also what ``geosignal export --format graphml`` writes).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx  # type: ignore[import-untyped]

from ..store import Store
from .common import DEFAULT_STATUSES, quad_sums, reports_sql, statuses_clause, window, window_clause

METHOD = "signed modularity (Gómez, Jensen & Arenas 2009), Louvain optimisation; weights: Goldstein sums"


@dataclass(slots=True)
class Tie:
    """The relation of two states: their events, cooperation and conflict weights, net Goldstein."""

    a: str
    b: str
    weight: float  # signed: cooperation - conflict (the sum of the events' Goldstein scores)
    events: int
    cooperation: float  # sum of the positive Goldstein scores
    conflict: float  # sum of the negative Goldstein scores, as a magnitude
    goldstein_mean: float
    same_bloc: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The tie as JSON."""
        return asdict(self)


@dataclass(slots=True)
class Bloc:
    """One alignment community: its states (most connected first) and the ties inside it."""

    states: list[str]
    ties: list[Tie] = field(default_factory=list)
    cooperation: float = 0.0  # inside the bloc
    conflict: float = 0.0  # inside the bloc

    def to_dict(self) -> dict[str, Any]:
        """The bloc as JSON."""
        return {
            "states": list(self.states),
            "cooperation": self.cooperation,
            "conflict": self.conflict,
            "ties": [t.to_dict() for t in self.ties],
        }


@dataclass(slots=True)
class BlocReport:
    """The blocs (largest first), the strongest ties overall, and how well the partition fits."""

    blocs: list[Bloc]
    ties: list[Tie]
    modularity: float
    states: int
    events: int
    method: str = METHOD
    since: str | None = None
    until: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON."""
        return {
            "blocs": [b.to_dict() for b in self.blocs],
            "ties": [t.to_dict() for t in self.ties],
            "modularity": self.modularity,
            "states": self.states,
            "events": self.events,
            "method": self.method,
            "since": self.since,
            "until": self.until,
        }


def state_graph(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    statuses: Sequence[str] | None = DEFAULT_STATUSES,
) -> nx.Graph:
    """The undirected graph of states: one edge per interacting pair, aggregated in the database.

    Edge attributes: events, verbal_coop, material_coop, verbal_conflict, material_conflict,
    cooperation and conflict (Goldstein weights), goldstein_sum, goldstein_mean. Node attribute:
    events. Without ``since``/``until`` undated events count too (they are still interactions);
    with a window only events dated inside it do.
    """
    lo, hi = window(since, until)
    status_sql, status_params = statuses_clause(statuses)
    window_sql, window_params = window_clause(lo, hi)
    sql = (
        f"SELECT state, partner, sum(first), {quad_sums(first=True)}, "
        "sum(CASE WHEN goldstein > 0 THEN first * goldstein ELSE 0 END), "
        "sum(CASE WHEN goldstein < 0 THEN -first * goldstein ELSE 0 END), sum(first * goldstein) "
        # Each event has a row from both sides; state < partner keeps one per pair.
        f"FROM {reports_sql('state, partner', f'state < partner{status_sql}{window_sql}')} "
        "GROUP BY state, partner ORDER BY 1, 2"
    )
    g = nx.Graph()
    for a, b, n, q1, q2, q3, q4, coop, conf, total in store.fetch(sql, status_params + window_params):
        n = int(n)
        g.add_edge(
            a,
            b,
            events=n,
            verbal_coop=int(q1),
            material_coop=int(q2),
            verbal_conflict=int(q3),
            material_conflict=int(q4),
            cooperation=round(float(coop or 0), 4),
            conflict=round(float(conf or 0), 4),
            goldstein_sum=round(float(total or 0), 4),
            goldstein_mean=round(float(total or 0) / n, 4),
        )
    for node in g.nodes:
        g.nodes[node]["events"] = sum(d["events"] for _, _, d in g.edges(node, data=True))
    return g


def blocs(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    statuses: Sequence[str] | None = DEFAULT_STATUSES,
    top: int = 20,
) -> BlocReport:
    """Alignment blocs of states from the signed cooperation–conflict graph (see the module doc).

    ``since``/``until`` bound the event dates (YYYY-MM-DD, YYYY-MM or YYYY); ``statuses`` as in
    ``relations`` (default: reported events only). ``top`` is how many of the strongest ties (by
    absolute net Goldstein weight) the report lists; each bloc lists all of its internal ties.
    """
    lo, hi = window(since, until)
    g = state_graph(store, since=lo, until=hi, statuses=statuses)
    parts = signed_louvain(g)
    bloc_of = {n: i for i, part in enumerate(parts) for n in part}
    ties = [_tie(g, a, b, bloc_of) for a, b in g.edges]
    ties.sort(key=lambda t: (-abs(t.weight), -t.events, t.a, t.b))
    out: list[Bloc] = []
    for part in parts:
        inner = [t for t in ties if t.same_bloc and t.a in part]
        strength = {n: sum(abs(t.weight) for t in inner if n in (t.a, t.b)) for n in part}
        out.append(
            Bloc(
                states=sorted(part, key=lambda n: (-strength[n], n)),
                ties=inner,
                cooperation=round(sum(t.cooperation for t in inner), 4),
                conflict=round(sum(t.conflict for t in inner), 4),
            )
        )
    return BlocReport(
        blocs=out,
        ties=ties[:top],
        modularity=round(signed_modularity(g, parts), 4),
        states=g.number_of_nodes(),
        events=sum(d["events"] for _, _, d in g.edges(data=True)),
        since=lo,
        until=hi,
    )


def _tie(g: nx.Graph, a: str, b: str, bloc_of: dict[str, int]) -> Tie:
    a, b = sorted((a, b))
    d = g.edges[a, b]
    return Tie(
        a=a,
        b=b,
        weight=d["goldstein_sum"],
        events=d["events"],
        cooperation=d["cooperation"],
        conflict=d["conflict"],
        goldstein_mean=d["goldstein_mean"],
        same_bloc=bloc_of[a] == bloc_of[b],
    )


# -- signed Louvain ---------------------------------------------------------------------------------

Layer = dict[str, dict[str, float]]  # node -> neighbour -> weight (a self-loop holds weight inside a node)


def _layers(g: nx.Graph) -> tuple[Layer, Layer]:
    pos: Layer = {n: {} for n in g.nodes}
    neg: Layer = {n: {} for n in g.nodes}
    for a, b, d in g.edges(data=True):
        for layer, w in ((pos, d["cooperation"]), (neg, d["conflict"])):
            if w > 0:
                layer[a][b] = layer[b][a] = float(w)
    return pos, neg


def signed_modularity(g: nx.Graph, parts: Sequence[set[str]]) -> float:
    """Gómez–Jensen–Arenas signed modularity of a partition of the graph's nodes (0 for no weight)."""
    pos, neg = _layers(g)
    bloc_of = {n: i for i, part in enumerate(parts) for n in part}
    total = 0.0
    two_w = {}
    for name, layer in (("pos", pos), ("neg", neg)):
        strength = {n: sum(nb.values()) for n, nb in layer.items()}
        two_m = sum(strength.values())
        two_w[name] = two_m
        if not two_m:
            continue
        inside = sum(w for n, nb in layer.items() for m, w in nb.items() if bloc_of[n] == bloc_of[m])
        per_bloc: dict[int, float] = defaultdict(float)
        for n, s in strength.items():
            per_bloc[bloc_of[n]] += s
        q = inside - sum(s * s for s in per_bloc.values()) / two_m
        total += q if name == "pos" else -q
    denom = two_w["pos"] + two_w["neg"]
    return total / denom if denom else 0.0


def signed_louvain(g: nx.Graph) -> list[set[str]]:
    """Blocs maximising signed modularity, largest first (ties: alphabetical), each a set of states."""
    pos, neg = _layers(g)
    members: dict[str, set[str]] = {n: {n} for n in sorted(g.nodes)}
    while True:
        moved, community = _local_moves(pos, neg)
        groups: dict[str, set[str]] = defaultdict(set)
        for node, c in community.items():
            groups[c] |= members[node]
        if not moved:
            break
        # Collapse each community into one node (its inside weight becomes a self-loop) and go again.
        pos, neg = _collapse(pos, community), _collapse(neg, community)
        members = dict(groups)
    parts = list(groups.values())
    parts.sort(key=lambda p: (-len(p), sorted(p)))
    return parts


def _local_moves(pos: Layer, neg: Layer) -> tuple[bool, dict[str, str]]:
    """Louvain's first phase on the signed gain; returns whether anything moved and node -> community."""
    nodes = sorted(pos)
    community = {n: n for n in nodes}
    k = {name: {n: sum(layer[n].values()) for n in nodes} for name, layer in (("pos", pos), ("neg", neg))}
    two_m = {name: sum(k[name].values()) for name in k}
    tot = {name: dict(k[name]) for name in k}  # community -> summed strength
    scale = {name: 1.0 / two_m[name] if two_m[name] else 0.0 for name in k}
    moved_any = False
    improved = True
    passes = 0
    while improved and passes < 100:  # each pass raises Q; the cap only guards against float ping-pong
        improved = False
        passes += 1
        for n in nodes:
            own = community[n]
            links: dict[str, dict[str, float]] = {"pos": defaultdict(float), "neg": defaultdict(float)}
            for name, layer in (("pos", pos), ("neg", neg)):
                for m, w in layer[n].items():
                    if m != n:
                        links[name][community[m]] += w
                tot[name][own] -= k[name][n]

            def gain(c: str, n: str = n, links: dict[str, dict[str, float]] = links) -> float:
                # The change in signed modularity (times a constant) from putting n into community c.
                gp = links["pos"].get(c, 0.0) - k["pos"][n] * tot["pos"].get(c, 0.0) * scale["pos"]
                gn = links["neg"].get(c, 0.0) - k["neg"][n] * tot["neg"].get(c, 0.0) * scale["neg"]
                return gp - gn

            best, best_gain = own, gain(own)
            for c in sorted(set(links["pos"]) | set(links["neg"])):
                gc = gain(c)
                if gc > best_gain + 1e-12:
                    best, best_gain = c, gc
            if best_gain < -1e-12:
                # An empty community (gain 0) beats every bloc: the node stands alone. (Alone in its own
                # community already, gain(own) is 0, so here its community has other members.)
                used = set(community.values())
                best = n
                while best in used:
                    best += "'"
            for name in k:
                tot[name][best] = tot[name].get(best, 0.0) + k[name][n]
            if best != own:
                community[n] = best
                improved = moved_any = True
    return moved_any, community


def _collapse(layer: Layer, community: dict[str, str]) -> Layer:
    out: Layer = {c: {} for c in set(community.values())}
    for n, nb in layer.items():
        for m, w in nb.items():
            a, b = community[n], community[m]
            out[a][b] = out[a].get(b, 0.0) + w
    return out
