#!/usr/bin/env python3
"""Generate the exercise illustrations in assets/images/.

Every exercise picture is a 640 x 320 SVG with two panels, "Start" and "End", showing a
simple line figure. All figures are built from the same skeleton (fixed segment lengths),
so proportions stay consistent from file to file. Joint positions are solved with a small
two-link inverse-kinematics helper, which keeps feet on the floor and limbs attached.

Conventions:
- Body strokes use currentColor; the root <svg> sets style="color:#1f2933", so a dark theme
  can recolour the figure by overriding `color`.
- Limbs on the far side of the body are drawn at reduced opacity.
- Props (floor, bench, box, chair, cushion, pillow) are mid-grey.
- Arrows show movement direction; a soft orange circle marks the working glute region.
  The meaning is always carried by arrows and words too, never by colour alone.

Run:  python scripts/draw_illustrations.py  (stdlib only; writes into assets/images/).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

OUT_DIR = Path(__file__).resolve().parent.parent / "assets" / "images"

# --- canvas -------------------------------------------------------------------------------
W, H = 640, 320
PANEL = 320
FLOOR = 262.0  # centre line of the floor stroke
FLOOR_W = 3.0
BODY_W = 6.0
GROUND = FLOOR - FLOOR_W / 2 - BODY_W / 2  # centre line of a body segment resting on the floor
LABEL_Y = 298

INK = "currentColor"
DEFAULT_INK = "#1f2933"
PROP = "#8a949e"
PROP_FILL = "#8a949e"
PROP_FILL_OPACITY = 0.2
ARROW = "#1c7ed6"
HIGHLIGHT = "#f08c00"
FAR_OPACITY = 0.45

# --- skeleton (px) ------------------------------------------------------------------------
HEAD_R = 13.0
NECK = 6.0
TORSO = 70.0
UPPER_ARM = 40.0
FOREARM = 36.0
THIGH = 56.0
SHIN = 54.0
FOOT = 18.0
LEG = THIGH + SHIN

Pt = tuple[float, float]


def polar(origin: Pt, length: float, deg: float) -> Pt:
    """Point `length` away from origin at `deg` degrees (0 = right, 90 = down, -90 = up)."""
    a = math.radians(deg)
    return (origin[0] + length * math.cos(a), origin[1] + length * math.sin(a))


def dist(a: Pt, b: Pt) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def angle(a: Pt, b: Pt) -> float:
    """Direction from a to b in degrees."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def ik(a: Pt, c: Pt, l1: float, l2: float, pick: Callable[[Pt], float]) -> Pt:
    """Middle joint of a two-segment limb from a to c; of the two solutions, the one with
    the smallest pick(joint)."""
    d = dist(a, c)
    if d > l1 + l2 + 1e-6 or d < abs(l1 - l2) - 1e-6:
        raise ValueError(f"unreachable: {a} -> {c} is {d:.1f}, limb {l1}+{l2}")
    d = min(max(d, abs(l1 - l2) + 1e-9), l1 + l2 - 1e-9)
    alpha = math.degrees(math.acos((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)))
    base = angle(a, c)
    return min((polar(a, l1, base + alpha), polar(a, l1, base - alpha)), key=pick)


def up(p: Pt) -> float:  # pick helpers for ik()
    return p[1]


def down(p: Pt) -> float:
    return -p[1]


def fwd(p: Pt) -> float:
    return -p[0]


def back(p: Pt) -> float:
    return p[0]


def bisect(f: Callable[[float], float], lo: float, hi: float) -> float:
    flo = f(lo)
    for _ in range(80):
        mid = (lo + hi) / 2
        if (f(mid) > 0) == (flo > 0):
            lo, flo = mid, f(mid)
        else:
            hi = mid
    return (lo + hi) / 2


# --- svg building -------------------------------------------------------------------------
def fmt(v: float) -> str:
    s = f"{v:.1f}"
    return "0" if s in ("0.0", "-0.0") else (s[:-2] if s.endswith(".0") else s)


# Layers, drawn in this order.
L_PROP_BACK, L_HIGHLIGHT, L_FAR, L_BODY, L_NEAR, L_PROP_FRONT, L_MARK = range(7)


@dataclass(frozen=True)
class Map:
    """Maps figure coordinates into a panel: centres source x `cx` on the panel and zooms
    about the ground line, so anything resting on the floor stays on the floor."""

    cx: float = PANEL / 2
    zoom: float = 1.0

    def __call__(self, p: Pt) -> Pt:
        return (PANEL / 2 + (p[0] - self.cx) * self.zoom, GROUND + (p[1] - GROUND) * self.zoom)

    def pts(self, points: Iterable[Pt]) -> str:
        return " ".join(f"{fmt(x)},{fmt(y)}" for x, y in map(self, points))


Emit = Callable[[Map], str]


@dataclass
class Panel:
    items: list[tuple[int, Emit]] = field(default_factory=list)
    extent: list[Pt] = field(default_factory=list)  # points used to centre and fit the figure

    def add(self, layer: int, emit: Emit, *extent: Pt) -> None:
        self.items.append((layer, emit))
        self.extent.extend(extent)

    # body ------------------------------------------------------------------------------
    def limb(self, chain: list[Pt], far: bool = False) -> None:
        self.add(L_FAR if far else L_NEAR, lambda m: f'<polyline points="{m.pts(chain)}"/>', *chain)

    def torso(self, shoulder: Pt, hip: Pt) -> None:
        self.add(L_BODY, lambda m: f'<polyline points="{m.pts([shoulder, hip])}"/>', shoulder, hip)

    def head(self, shoulder: Pt, deg: float) -> Pt:
        neck_end = polar(shoulder, NECK, deg)
        c = polar(shoulder, NECK + HEAD_R, deg)

        def emit(m: Map) -> str:
            cc = m(c)
            return (
                f'<polyline points="{m.pts([shoulder, neck_end])}"/>'
                f'<circle cx="{fmt(cc[0])}" cy="{fmt(cc[1])}" r="{fmt(HEAD_R * m.zoom)}"/>'
            )

        r = HEAD_R + BODY_W / 2
        self.add(L_BODY, emit, (c[0] - r, c[1] - r), (c[0] + r, c[1] + r))
        return c

    def head_on(self, shoulder: Pt, centre_y: float, left: bool = True) -> Pt:
        """Head whose centre sits at centre_y (e.g. resting on the floor or on the hands)."""
        dy = centre_y - shoulder[1]
        dx = math.sqrt(max((NECK + HEAD_R) ** 2 - dy * dy, 0.0))
        return self.head(shoulder, math.degrees(math.atan2(dy, -dx if left else dx)))

    def highlight(self, c: Pt, r: float = 19) -> None:
        def emit(m: Map) -> str:
            cc = m(c)
            return (
                f'<circle cx="{fmt(cc[0])}" cy="{fmt(cc[1])}" r="{fmt(r * m.zoom)}" '
                f'fill="{HIGHLIGHT}" fill-opacity="0.35" stroke="none"/>'
            )

        self.add(L_HIGHLIGHT, emit)

    # props -----------------------------------------------------------------------------
    def box(self, x: float, y: float, w: float, h: float, rx: float = 3) -> None:
        def emit(m: Map) -> str:
            (x0, y0), (x1, y1) = m((x, y)), m((x + w, y + h))
            return (
                f'<rect x="{fmt(x0)}" y="{fmt(y0)}" width="{fmt(x1 - x0)}" height="{fmt(y1 - y0)}" '
                f'rx="{fmt(rx * m.zoom)}" fill="{PROP_FILL}" fill-opacity="{PROP_FILL_OPACITY}" '
                'stroke-width="3"/>'
            )

        self.add(L_PROP_BACK, emit, (x, y), (x + w, y + h))

    def prop_line(self, chain: list[Pt], width: float = 4) -> None:
        self.add(
            L_PROP_BACK,
            lambda m: f'<polyline points="{m.pts(chain)}" stroke-width="{fmt(width)}"/>',
            *chain,
        )

    # marks -----------------------------------------------------------------------------
    def arrow(self, a: Pt, b: Pt, ctrl: Pt | None = None, colour: str = ARROW) -> None:
        """Arrow from a to b; curved through a quadratic control point if given."""

        def emit(m: Map) -> str:
            head_len, head_half = 12.0, 7.0
            ma, mb = m(a), m(b)
            mc = m(ctrl) if ctrl else None
            tail_dir = angle(mc if mc else ma, mb)
            shaft_end = polar(mb, head_len * 0.6, tail_dir + 180)
            via = f"Q{fmt(mc[0])},{fmt(mc[1])} " if mc else "L"
            d = f"M{fmt(ma[0])},{fmt(ma[1])} {via}{fmt(shaft_end[0])},{fmt(shaft_end[1])}"
            base = polar(mb, head_len, tail_dir + 180)
            tri = [mb, polar(base, head_half, tail_dir + 90), polar(base, head_half, tail_dir - 90)]
            tri_pts = " ".join(f"{fmt(x)},{fmt(y)}" for x, y in tri)
            return (
                f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="4"/>'
                f'<polygon points="{tri_pts}" fill="{colour}" stroke="{colour}" stroke-width="2"/>'
            )

        self.add(L_MARK, emit, a, b, *([ctrl] if ctrl else []))

    def text(self, p: Pt, s: str, size: float = 14, anchor: str = "middle") -> None:
        def emit(m: Map) -> str:
            mp = m(p)
            return (
                f'<text x="{fmt(mp[0])}" y="{fmt(mp[1])}" font-size="{fmt(size)}" '
                f'text-anchor="{anchor}" fill="{INK}" stroke="none">{escape(s)}</text>'
            )

        half = len(s) * size * 0.3
        x0 = {"middle": p[0] - half, "end": p[0] - 2 * half}.get(anchor, p[0])
        self.add(L_MARK, emit, (x0, p[1] - size), (x0 + 2 * half, p[1]))

    def squeeze_marks(self, c: Pt, r: float = 19) -> None:
        """Two short arrows pointing into the glute region: 'squeeze'."""
        for deg in (200, -20):
            self.arrow(polar(c, r + 20, deg), polar(c, r - 2, deg))

    # render ----------------------------------------------------------------------------
    def render(self, dx: float, m: Map) -> str:
        groups: dict[int, list[str]] = {}
        for layer, emit in self.items:
            groups.setdefault(layer, []).append(emit(m))
        body = f'stroke="{INK}" stroke-width="{fmt(BODY_W)}" fill="none"'
        attrs = {
            L_PROP_BACK: f'stroke="{PROP}" fill="none"',
            L_PROP_FRONT: f'stroke="{PROP}" fill="none"',
            L_HIGHLIGHT: "",
            L_FAR: f'{body} stroke-opacity="{FAR_OPACITY}"',
            L_BODY: body,
            L_NEAR: body,
            L_MARK: "",
        }
        out = [f'<g transform="translate({fmt(dx)},0)">']
        out.append(
            f'<line x1="14" y1="{fmt(FLOOR)}" x2="{PANEL - 14}" y2="{fmt(FLOOR)}" '
            f'stroke="{PROP}" stroke-width="{fmt(FLOOR_W)}"/>'
        )
        for layer in sorted(groups):
            a = attrs[layer]
            out.append(f"<g {a}>" if a else "<g>")
            out.extend(groups[layer])
            out.append("</g>")
        out.append("</g>")
        return "\n".join(out)


def fit(panels: Iterable[Panel], max_zoom: float) -> Map:
    """One mapping for all panels of a drawing: centred horizontally, as large as fits,
    but never larger than max_zoom."""
    xs = [p[0] for pan in panels for p in pan.extent]
    ys = [p[1] for pan in panels for p in pan.extent]
    x0, x1, top = min(xs), max(xs), min(ys)
    zoom = min(max_zoom, (PANEL - 2 * 22) / (x1 - x0), (GROUND - 16) / (GROUND - top))
    return Map((x0 + x1) / 2, zoom)


def document(title: str, desc: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" '
        f'style="color:{DEFAULT_INK}" role="img" aria-labelledby="title desc" '
        'stroke-linecap="round" stroke-linejoin="round" font-family="sans-serif">\n'
        f'<title id="title">{escape(title)}</title>\n'
        f'<desc id="desc">{escape(desc)}</desc>\n'
        f"{body}\n"
        "</svg>\n"
    )


@dataclass
class Drawing:
    title: str
    desc: str
    start: Panel
    end: Panel
    max_zoom: float = 1.0


def two_panels(d: Drawing) -> str:
    m = fit((d.start, d.end), d.max_zoom)
    parts = [
        d.start.render(0, m),
        d.end.render(PANEL, m),
        # divider between the panels
        f'<line x1="{PANEL}" y1="24" x2="{PANEL}" y2="{fmt(FLOOR + 18)}" stroke="{PROP}" '
        'stroke-width="2" stroke-dasharray="2 8"/>',
        f'<g font-size="16" text-anchor="middle" fill="{INK}">'
        f'<text x="{PANEL / 2:g}" y="{LABEL_Y}">Start</text>'
        f'<text x="{PANEL * 1.5:g}" y="{LABEL_Y}">End</text></g>',
    ]
    return document(d.title, d.desc, "\n".join(parts))


# --- reusable body parts --------------------------------------------------------------------
LYING_ZOOM = 1.3  # floor exercises are low and wide, so they may be drawn a little larger


def flat_foot(ankle: Pt, facing: int = 1) -> Pt:
    return (ankle[0] + facing * FOOT, ankle[1])


def toe_foot(toe: Pt, lift_deg: float) -> Pt:
    """Ankle of a right-facing foot whose toes touch the floor, heel lifted by lift_deg."""
    return polar(toe, FOOT, 180 + lift_deg)


def leg(
    p: Panel,
    hip: Pt,
    ankle: Pt,
    toe: Pt,
    pick: Callable[[Pt], float] = fwd,
    far: bool = False,
) -> Pt:
    knee = ik(hip, ankle, THIGH, SHIN, pick)
    p.limb([hip, knee, ankle, toe], far)
    return knee


def arm(
    p: Panel, shoulder: Pt, wrist: Pt, pick: Callable[[Pt], float] = back, far: bool = False
) -> Pt:
    elbow = ik(shoulder, wrist, UPPER_ARM, FOREARM, pick)
    p.limb([shoulder, elbow, wrist], far)
    return elbow


def hanging_arm(p: Panel, shoulder: Pt, far: bool = False, lean: float = 0) -> None:
    elbow = polar(shoulder, UPPER_ARM, 95 - lean)
    wrist = polar(elbow, FOREARM, 78 - lean)
    p.limb([shoulder, elbow, wrist], far)


def upright(p: Panel, hip: Pt, lean: float = 0) -> Pt:
    """Torso and head from the hip; lean in degrees forward (to the right). Returns shoulder."""
    shoulder = polar(hip, TORSO, -90 + lean)
    p.torso(shoulder, hip)
    p.head(shoulder, -90 + lean * 0.7)
    return shoulder


def behind(hip: Pt, torso_deg: float, back_deg: float = -90, r: float = 10) -> Pt:
    """Centre of the glute highlight: just behind the hip, on the back of the pelvis."""
    return polar(hip, r, torso_deg + back_deg)


# --- bridges (lying on the back, head on the left) -----------------------------------------
BR_SHOULDER: Pt = (70, GROUND)
BR_HIP: Pt = (BR_SHOULDER[0] + TORSO, GROUND)
BR_ANKLE: Pt = (BR_HIP[0] + 72, GROUND)


def supine_base(p: Panel, shoulder: Pt) -> None:
    p.head_on(shoulder, GROUND - HEAD_R - 1)
    # arms by the sides, resting on the floor
    elbow = (shoulder[0] + UPPER_ARM, GROUND)
    p.limb([shoulder, elbow, (elbow[0] + FOREARM, GROUND)])


def bridge_top(shoulder: Pt, ankle: Pt) -> tuple[Pt, Pt]:
    """Hip and knee with shoulder, hip and knee in one straight line and the foot planted."""

    def gap(theta: float) -> float:
        return dist(polar(shoulder, TORSO + THIGH, -theta), ankle) - SHIN

    theta = bisect(gap, 0, 60)
    return polar(shoulder, TORSO, -theta), polar(shoulder, TORSO + THIGH, -theta)


def lift_arrow(p: Panel, x: float, y: float) -> None:
    """Upward arrow whose tip is at (x, y)."""
    p.arrow((x, y + 30), (x, y))


def glute_bridge() -> Drawing:
    s, e = Panel(), Panel()
    for p in (s, e):
        supine_base(p, BR_SHOULDER)
    s.torso(BR_SHOULDER, BR_HIP)
    leg(s, BR_HIP, BR_ANKLE, flat_foot(BR_ANKLE), up)

    hip, knee = bridge_top(BR_SHOULDER, BR_ANKLE)
    e.torso(BR_SHOULDER, hip)
    e.limb([hip, knee, BR_ANKLE, flat_foot(BR_ANKLE)])
    e.highlight(behind(hip, angle(BR_SHOULDER, hip), 90))
    lift_arrow(e, hip[0] - 4, hip[1] - 44)
    return Drawing(
        "Glute bridge",
        "Start: lying on your back, knees bent, feet flat on the floor, arms by your sides. "
        "End: hips lifted (arrow pointing up) until shoulders, hips and knees form a straight "
        "line; the buttocks are highlighted as the working muscles.",
        s,
        e,
        LYING_ZOOM,
    )


def marching_bridge() -> Drawing:
    s, e = Panel(), Panel()
    hip, knee = bridge_top(BR_SHOULDER, BR_ANKLE)
    planted = [hip, knee, BR_ANKLE, flat_foot(BR_ANKLE)]
    for p in (s, e):
        supine_base(p, BR_SHOULDER)
        p.torso(BR_SHOULDER, hip)
        p.highlight(behind(hip, angle(BR_SHOULDER, hip), 90))
        p.limb(planted, far=True)
    s.limb(planted)

    # the near foot lifts a few centimetres
    a2 = (BR_ANKLE[0] - 8, GROUND - 16)
    leg(e, hip, a2, polar(a2, FOOT, -12), up)
    lift_arrow(e, a2[0] + 34, a2[1] - 8)
    return Drawing(
        "Marching bridge",
        "Start: holding a bridge on your back, hips lifted so shoulders, hips and knees form a "
        "line, both feet flat. End: hips stay up and level while one foot lifts a few "
        "centimetres off the floor (arrow pointing up); it then goes back down and the feet "
        "take turns.",
        s,
        e,
        LYING_ZOOM,
    )


def single_leg_bridge() -> Drawing:
    s, e = Panel(), Panel()
    for p in (s, e):
        supine_base(p, BR_SHOULDER)
    s.torso(BR_SHOULDER, BR_HIP)
    knee = leg(s, BR_HIP, BR_ANKLE, flat_foot(BR_ANKLE), up)
    th = angle(BR_HIP, knee)
    fa = polar(BR_HIP, LEG, th)
    s.limb([BR_HIP, polar(BR_HIP, THIGH, th), fa, polar(fa, FOOT, th - 90)], far=True)

    hip, knee = bridge_top(BR_SHOULDER, BR_ANKLE)
    e.torso(BR_SHOULDER, hip)
    e.limb([hip, knee, BR_ANKLE, flat_foot(BR_ANKLE)])
    th = angle(BR_SHOULDER, hip)
    fa = polar(hip, LEG, th)
    e.limb([hip, polar(hip, THIGH, th), fa, polar(fa, FOOT, th - 90)], far=True)
    e.highlight(behind(hip, th, 90))
    lift_arrow(e, hip[0] - 4, hip[1] - 44)
    return Drawing(
        "Single-leg bridge",
        "Start: lying on your back, one knee bent with that foot flat on the floor, the other "
        "leg straight in line with its thigh. End: pushing through the planted heel, hips "
        "lifted (arrow pointing up) until shoulders, hips and knee form a line, the free leg "
        "still straight and the hips level.",
        s,
        e,
        LYING_ZOOM,
    )


def hip_thrust() -> Drawing:
    s, e = Panel(), Panel()
    shoulder: Pt = (96, GROUND - SHIN)
    bench_top = shoulder[1] + BODY_W / 2 + 1.5
    ankle: Pt = (shoulder[0] + TORSO + THIGH, GROUND)
    for p in (s, e):
        # sofa or bench behind the upper back
        p.box(16, bench_top, shoulder[0] - 3 - 16, FLOOR - bench_top, rx=4)
        # arms spread out along the top of the bench (pointing away, so they look short)
        elbow = (shoulder[0] - 24, bench_top - 4.5)
        p.limb([shoulder, elbow, (elbow[0] - 20, bench_top - 4.5)])

    hip_s = (shoulder[0] + math.sqrt(TORSO**2 - (GROUND - 6 - shoulder[1]) ** 2), GROUND - 6)
    s.torso(shoulder, hip_s)
    s.head(shoulder, angle(hip_s, shoulder) + 20)
    leg(s, hip_s, ankle, flat_foot(ankle), up)

    hip_e = (shoulder[0] + TORSO, shoulder[1])
    knee_e = (hip_e[0] + THIGH, shoulder[1])
    e.torso(shoulder, hip_e)
    e.head(shoulder, 235)  # chin tucked, eyes towards the knees
    e.limb([hip_e, knee_e, ankle, flat_foot(ankle)])
    e.highlight(behind(hip_e, 0, 90))
    e.arrow((hip_e[0], GROUND - 2), (hip_e[0], hip_e[1] + 26))
    return Drawing(
        "Hip thrust",
        "Start: sitting on the floor with the bottom of the shoulder blades against the edge of "
        "a sofa or bench, knees bent and feet flat. End: hips pushed up (arrow pointing up) "
        "until shoulders, hips and knees are level, shins upright, buttocks squeezed at the top.",
        s,
        e,
        LYING_ZOOM,
    )


# --- prone (lying face down, head on the left, pillow under the hips) ----------------------
PR_SHOULDER: Pt = (78, GROUND - 7)
PR_PILLOW = (118.0, FLOOR - 15, 60.0, 15.0)  # x, y, w, h
PR_HIP: Pt = (PR_SHOULDER[0] + math.sqrt(TORSO**2 - 9**2), GROUND - 16)


def prone_base(p: Panel) -> None:
    p.box(*PR_PILLOW, rx=7)
    p.torso(PR_SHOULDER, PR_HIP)
    # forehead resting on stacked hands (the arms go out to the side, so look short)
    hands: Pt = (PR_SHOULDER[0] - 28, GROUND - 3)
    elbow: Pt = (PR_SHOULDER[0] - 12, GROUND)
    p.limb([PR_SHOULDER, elbow, hands])
    p.head_on(PR_SHOULDER, hands[1] - HEAD_R - 5)


def prone_straight_leg(p: Panel, far: bool) -> None:
    knee = (PR_HIP[0] + math.sqrt(THIGH**2 - (GROUND - PR_HIP[1]) ** 2), GROUND)
    ankle = polar(knee, SHIN, -7)  # relaxed feet: the tops of the feet rest on the floor
    toe_deg = math.degrees(math.asin((GROUND - ankle[1]) / FOOT))
    p.limb([PR_HIP, knee, ankle, polar(ankle, FOOT, toe_deg)], far)


def prone_glute_squeeze() -> Drawing:
    s, e = Panel(), Panel()
    for p in (s, e):
        prone_base(p)
        prone_straight_leg(p, far=True)
        prone_straight_leg(p, far=False)
    g = behind(PR_HIP, 0, -90, 12)
    s.text((g[0], g[1] - 40), "relaxed")
    e.highlight(g)
    e.squeeze_marks(g)
    e.text((g[0], g[1] - 46), "squeeze")
    return Drawing(
        "Prone glute squeeze",
        "Start: lying face down with a pillow under the hips, forehead resting on the hands, "
        "legs relaxed. End: same position with both buttocks squeezed together (arrows pointing "
        "into the highlighted buttocks), hips staying down on the pillow.",
        s,
        e,
        LYING_ZOOM,
    )


def glute_max_mvc_test() -> Drawing:
    s, e = Panel(), Panel()

    def bent_leg(p: Panel, lift: float) -> Pt:
        knee = polar(PR_HIP, THIGH, angle(PR_HIP, (PR_HIP[0] + THIGH, GROUND)) - lift)
        th = angle(PR_HIP, knee)
        ankle = polar(knee, SHIN, th - 90)
        p.limb([PR_HIP, knee, ankle, polar(ankle, FOOT, th)])
        return knee

    for p in (s, e):
        prone_base(p)
        prone_straight_leg(p, far=True)
    bent_leg(s, 0)
    knee = bent_leg(e, 14)
    g = behind(PR_HIP, 0, -90, 12)
    e.highlight(g)
    lift_arrow(e, knee[0] + 22, GROUND - 40)  # the thigh lifts just off the floor
    # a helper's hand may resist, pushing the thigh down
    mid = polar(PR_HIP, THIGH * 0.6, angle(PR_HIP, knee))
    e.arrow((mid[0] - 6, mid[1] - 44), (mid[0] - 2, mid[1] - 9), colour=PROP)
    e.text((mid[0] - 8, mid[1] - 50), "resist")
    e.text((g[0] - 26, g[1] - 26), "squeeze", anchor="end")
    s.text((g[0], g[1] - 40), "relaxed")
    return Drawing(
        "Strongest glute squeeze test (gluteus maximus MVC)",
        "Start: lying face down with a pillow under the hips, forehead on the hands, the tested "
        "knee bent to a right angle with the sole of the foot facing the ceiling. End: the "
        "buttock squeezes as hard as is comfortable and the thigh lifts just off the floor "
        "(blue arrow pointing up), optionally against a helper's hand pushing down (grey "
        "arrow labelled resist).",
        s,
        e,
        LYING_ZOOM,
    )


# --- standing and kneeling -----------------------------------------------------------------
def standing_glute_squeeze() -> Drawing:
    s, e = Panel(), Panel()
    ankle: Pt = (150, GROUND)
    hip: Pt = (ankle[0] - 4, GROUND - LEG + 2)  # knees soft, not locked
    for p in (s, e):
        leg(p, hip, (ankle[0] - 3, GROUND), flat_foot((ankle[0] - 3, GROUND)), far=True)
        leg(p, hip, ankle, flat_foot(ankle))
        sh = upright(p, hip)
        # hands resting on the buttocks
        hand = (hip[0] - 12, hip[1] + 2)
        arm(p, sh, (hand[0] + 3, hand[1] - 2), far=True)
        arm(p, sh, hand)
    g = behind(hip, -90, -90, 10)
    s.text((g[0] - 40, g[1] - 14), "relaxed", anchor="end")
    e.highlight(g)
    e.squeeze_marks(g)
    e.text((g[0] - 44, g[1] - 20), "squeeze", anchor="end")
    return Drawing(
        "Standing glute squeeze",
        "Start: standing tall, feet hip-width apart, knees soft, hands resting on the buttocks, "
        "muscles relaxed. End: same tall position with both buttocks squeezed (arrows pointing "
        "into the highlighted buttocks), without leaning back or locking the knees.",
        s,
        e,
    )


def half_kneeling() -> Drawing:
    s, e = Panel(), Panel()
    cushion = (92.0, FLOOR - 12, 46.0, 12.0)
    knee: Pt = (116, cushion[1] - FLOOR_W / 2 - BODY_W / 2)
    b_ankle = (knee[0] - math.sqrt(SHIN**2 - (GROUND - knee[1]) ** 2), GROUND)
    f_ankle: Pt = (knee[0] + 74, GROUND)

    def pose(p: Panel, shift: float) -> Pt:
        p.box(*cushion, rx=5)
        hip = (knee[0] + shift, knee[1] - math.sqrt(THIGH**2 - shift**2))
        leg(p, hip, f_ankle, flat_foot(f_ankle), fwd, far=True)
        p.limb([hip, knee, b_ankle, (b_ankle[0] - FOOT, GROUND)])
        sh = upright(p, hip)
        hand = (hip[0] + 6, hip[1] - 6)  # hands on the hips, elbows back
        arm(p, sh, (hand[0] + 2, hand[1]), far=True)
        arm(p, sh, hand)
        return hip

    pose(s, 0)
    hip = pose(e, 15)
    g = behind(hip, -90, -90, 10)
    e.highlight(g)
    # the tailbone tucks under (curved arrow behind the pelvis), then the pelvis shifts forward
    e.arrow((g[0] - 30, g[1] - 30), (g[0] - 12, g[1] + 30), ctrl=(g[0] - 46, g[1] + 18))
    e.text((g[0] - 36, g[1] - 36), "tuck", anchor="end")
    e.arrow((hip[0] + 34, hip[1] - 30), (hip[0] + 66, hip[1] - 30))
    e.text((hip[0] + 50, hip[1] - 42), "shift")
    return Drawing(
        "Half-kneeling hip flexor stretch",
        "Start: kneeling tall with one knee down on a cushion and the other foot flat on the "
        "floor in front, trunk upright, hands on the hips. End: the tailbone tucks under "
        "(curved arrow) and the pelvis shifts slightly forward (straight arrow) with the trunk "
        "still upright, stretching the front of the back hip while that buttock squeezes.",
        s,
        e,
    )


def step_up() -> Drawing:
    s, e = Panel(), Panel()
    box_top = FLOOR - 32
    step_ground = box_top - FLOOR_W / 2 - BODY_W / 2
    on_step: Pt = (190, step_ground)
    floor_ankle: Pt = (112, GROUND)
    for p in (s, e):
        p.box(172, box_top, 118, FLOOR - box_top)

    hip: Pt = (138, GROUND - 103)
    leg(s, hip, floor_ankle, flat_foot(floor_ankle), fwd, far=True)
    leg(s, hip, on_step, flat_foot(on_step))
    sh = upright(s, hip, 12)
    hanging_arm(s, sh, far=True, lean=-8)
    hanging_arm(s, sh, lean=14)

    hip = (on_step[0] - 3, step_ground - LEG + 2)
    trail: Pt = (on_step[0] - 30, step_ground - 22)  # other foot lifted, just behind the step
    leg(e, hip, trail, polar(trail, FOOT, 55), fwd, far=True)
    leg(e, hip, on_step, flat_foot(on_step))
    sh = upright(e, hip, 2)
    hanging_arm(e, sh, far=True, lean=-8)
    hanging_arm(e, sh, lean=10)
    e.highlight(behind(hip, -90, -90, 10))
    lift_arrow(e, hip[0] + 42, hip[1] + 10)
    return Drawing(
        "Step-up",
        "Start: standing in front of a low step with the whole of one foot placed on it and "
        "the knee over the middle toes, trunk leaning slightly forward. End: pushing through the "
        "heel on the step to stand tall on it (arrow pointing up), the other foot lifted off the "
        "floor behind.",
        s,
        e,
    )


LUNGE_LIFT = 58.0  # heel lift of the back foot in the bottom position


def lunge_bottom(p: Panel, hip_x: float) -> tuple[Pt, Pt, Pt]:
    """Draw the bottom of a lunge; returns (hip, back toe, front ankle)."""
    hip = (hip_x, GROUND - 70)
    back_toe = (hip_x - 50, GROUND)
    back_ankle = toe_foot(back_toe, LUNGE_LIFT)
    front_ankle = (hip_x + 47, GROUND)
    leg(p, hip, back_ankle, back_toe, down, far=True)
    leg(p, hip, front_ankle, flat_foot(front_ankle), fwd)
    sh = upright(p, hip, 3)
    hanging_arm(p, sh, far=True, lean=-6)
    hanging_arm(p, sh, lean=6)
    p.highlight(behind(hip, -90, -90, 10))
    p.arrow((hip[0] - 42, hip[1] - 50), (hip[0] - 42, hip[1] - 6))  # lowering
    return hip, back_toe, front_ankle


def standing(p: Panel, ankle_x: float) -> Pt:
    hip = (ankle_x - 2, GROUND - LEG + 1)
    leg(p, hip, (ankle_x - 4, GROUND), flat_foot((ankle_x - 4, GROUND)), far=True)
    leg(p, hip, (ankle_x, GROUND), flat_foot((ankle_x, GROUND)))
    sh = upright(p, hip)
    hanging_arm(p, sh, far=True, lean=-8)
    hanging_arm(p, sh, lean=10)
    return hip


def split_squat() -> Drawing:
    s, e = Panel(), Panel()
    hip_x = 150.0
    back_toe = (hip_x - 50, GROUND)
    front_ankle = (hip_x + 47, GROUND)
    # start: tall in a long stride, both knees nearly straight, back heel lifted
    hip_s = (hip_x + 2, GROUND - 96)
    leg(s, hip_s, toe_foot(back_toe, 40), back_toe, fwd, far=True)
    leg(s, hip_s, front_ankle, flat_foot(front_ankle))
    sh = upright(s, hip_s, 2)
    hanging_arm(s, sh, far=True, lean=-6)
    hanging_arm(s, sh, lean=6)
    lunge_bottom(e, hip_x)
    return Drawing(
        "Split squat",
        "Start: standing tall in a long stride, one foot forward, back heel lifted. End: both "
        "knees bent and the back knee lowered towards the floor (arrow pointing down), trunk "
        "upright and the front knee over the middle toes; the feet do not move.",
        s,
        e,
    )


def reverse_lunge() -> Drawing:
    s, e = Panel(), Panel()
    hip_x = 160.0
    standing(s, hip_x + 47)
    _, back_toe, _ = lunge_bottom(e, hip_x)
    e.arrow((hip_x + 36, GROUND + 13), (back_toe[0] - 4, GROUND + 13))  # stepping back
    return Drawing(
        "Reverse lunge",
        "Start: standing tall, feet hip-width apart. End: one leg has stepped back (arrow "
        "pointing backwards) and the back knee is lowered towards the floor (arrow pointing "
        "down), trunk upright, the front foot unmoved with its knee over the middle toes.",
        s,
        e,
    )


def walking_lunge() -> Drawing:
    s, e = Panel(), Panel()
    start_ankle = 96.0
    standing(s, start_ankle)
    _, _, front_ankle = lunge_bottom(e, start_ankle + FOOT + 50)
    e.arrow((start_ankle + 4, GROUND + 13), (front_ankle[0] + 12, GROUND + 13))  # stepping on
    return Drawing(
        "Walking lunge",
        "Start: standing tall. End: having stepped forward (arrow pointing forwards) into a "
        "lunge, the back knee lowered towards the floor (arrow pointing down), trunk upright and "
        "the front knee over the middle toes; then step through into the next lunge.",
        s,
        e,
    )


def single_leg_squat_to_chair() -> Drawing:
    s, e = Panel(), Panel()
    seat_y = FLOOR - 58
    seat_front, seat_back = 112.0, 58.0
    ankle: Pt = (172, GROUND)
    for p in (s, e):
        p.prop_line([(seat_back, seat_y - 66), (seat_back, FLOOR)])  # backrest and back leg
        p.prop_line([(seat_back, seat_y), (seat_front, seat_y)], width=6)  # seat
        p.prop_line([(seat_front - 4, seat_y), (seat_front - 4, FLOOR)])  # front leg

    hip = (ankle[0] - 4, GROUND - LEG + 2)
    free = (ankle[0] + 10, GROUND - 12)
    leg(s, hip, free, polar(free, FOOT, -10), fwd, far=True)
    leg(s, hip, ankle, flat_foot(ankle))
    sh = upright(s, hip, 2)
    hanging_arm(s, sh, far=True, lean=-8)
    hanging_arm(s, sh, lean=10)

    hip = (seat_front + 12, seat_y - 14)
    free = (ankle[0] + 40, GROUND - 16)
    leg(e, hip, free, polar(free, FOOT, -40), up, far=True)
    leg(e, hip, ankle, flat_foot(ankle))
    sh = polar(hip, TORSO, -52)
    e.torso(sh, hip)
    e.head(sh, -45)
    for far, deg in ((True, 22), (False, 16)):  # arms reach forward for balance
        el = polar(sh, UPPER_ARM, deg)
        e.limb([sh, el, polar(el, FOREARM, deg - 4)], far)
    e.highlight(behind(hip, -52, -90, 10))
    e.arrow((hip[0] + 4, hip[1] - 84), (hip[0] - 24, hip[1] - 22), ctrl=(hip[0] - 34, hip[1] - 70))
    return Drawing(
        "Single-leg squat to a chair",
        "Start: standing on one leg in front of a chair, the other foot just off the floor. "
        "End: hips pushed back and lowered (curved arrow) until the buttocks lightly touch the "
        "seat, trunk leaning forward, arms reaching forward for balance, the standing knee over "
        "the middle toes and the other foot held just off the floor.",
        s,
        e,
    )


# --- side bridges: seen from the front, lying on the left side, head on the left -----------
SB_ELBOW: Pt = (82, GROUND)
SB_SHOULDER: Pt = (SB_ELBOW[0], GROUND - UPPER_ARM)
SB_HIP_DOWN: Pt = (SB_SHOULDER[0] + math.sqrt(TORSO**2 - UPPER_ARM**2), GROUND)
SHIN_BACK = -60.0  # bent shins go back behind the body: drawn short, pointing up-back


def side_base(p: Panel, hip: Pt) -> None:
    p.torso(SB_SHOULDER, hip)
    p.head(SB_SHOULDER, angle(hip, SB_SHOULDER))
    # bottom forearm on the floor (it points towards the viewer, so it looks shorter)
    p.limb([SB_SHOULDER, SB_ELBOW, (SB_ELBOW[0] - 30, GROUND)])
    # top hand resting on the top hip, elbow pointing up
    arm(p, SB_SHOULDER, polar(hip, 7, angle(hip, SB_SHOULDER) + 90), up, far=True)


def bent_leg_side(p: Panel, hip: Pt, knee: Pt) -> None:
    p.limb([hip, knee])
    p.limb([knee, polar(knee, SHIN * 0.6, SHIN_BACK)], far=True)


def side_knee_line() -> tuple[Pt, Pt, float]:
    """Lifted position: hip on the straight line from shoulder to the knee on the floor."""
    knee = (SB_SHOULDER[0] + math.sqrt((TORSO + THIGH) ** 2 - UPPER_ARM**2), GROUND)
    d = angle(SB_SHOULDER, knee)
    return polar(SB_SHOULDER, TORSO, d), knee, d


def side_bridge_knees() -> Drawing:
    s, e = Panel(), Panel()
    side_base(s, SB_HIP_DOWN)
    knee_s = (SB_HIP_DOWN[0] + THIGH, GROUND)
    bent_leg_side(s, SB_HIP_DOWN, knee_s)
    bent_leg_side(s, SB_HIP_DOWN, polar(SB_HIP_DOWN, THIGH, -9))

    hip, knee, d = side_knee_line()
    side_base(e, hip)
    bent_leg_side(e, hip, knee)
    bent_leg_side(e, hip, polar(hip, THIGH, d - 9))
    e.highlight(polar(hip, 4, 90))
    lift_arrow(e, hip[0] + 14, hip[1] - 36)
    return Drawing(
        "Side bridge from the knees",
        "Seen from the front. Start: lying on your side propped on the forearm, elbow under the "
        "shoulder, knees bent with the feet behind you, hips on the floor. End: hips lifted "
        "(arrow pointing up) so the body makes a straight line from head to knees.",
        s,
        e,
        LYING_ZOOM,
    )


def single_leg_side_bridge_knee() -> Drawing:
    s, e = Panel(), Panel()
    side_base(s, SB_HIP_DOWN)
    bent_leg_side(s, SB_HIP_DOWN, (SB_HIP_DOWN[0] + THIGH, GROUND))
    # top leg straight, in line with the body, resting on the bottom knee
    top = -7.0
    s.limb([SB_HIP_DOWN, polar(SB_HIP_DOWN, THIGH, top), polar(SB_HIP_DOWN, LEG, top)])

    hip, knee, _ = side_knee_line()
    side_base(e, hip)
    bent_leg_side(e, hip, knee)
    # top leg raised to about hip height
    foot = polar(hip, LEG, 0)
    e.limb([hip, polar(hip, THIGH, 0), foot])
    e.highlight(polar(hip, 4, 90))
    lift_arrow(e, hip[0] + 14, hip[1] - 36)
    e.arrow(
        (foot[0] + 16, GROUND - 4), (foot[0] + 16, foot[1] - 6), ctrl=(foot[0] + 30, foot[1] + 10)
    )
    return Drawing(
        "Single-leg side bridge from the knee",
        "Seen from the front. Start: lying on your side propped on the forearm, bottom knee "
        "bent, top leg straight in line with the body. End: hips lifted (arrow pointing up) "
        "off the bottom knee, and the straight top leg raised to about hip height (curved "
        "arrow).",
        s,
        e,
        LYING_ZOOM,
    )


def single_leg_side_bridge_feet() -> Drawing:
    s, e = Panel(), Panel()
    side_base(s, SB_HIP_DOWN)
    s.limb([SB_HIP_DOWN, (SB_HIP_DOWN[0] + THIGH, GROUND), (SB_HIP_DOWN[0] + LEG, GROUND)])
    top = -5.0
    s.limb([SB_HIP_DOWN, polar(SB_HIP_DOWN, THIGH, top), polar(SB_HIP_DOWN, LEG, top)])

    reach = TORSO + LEG
    foot = (SB_SHOULDER[0] + math.sqrt(reach**2 - UPPER_ARM**2), GROUND)
    d = angle(SB_SHOULDER, foot)
    hip = polar(SB_SHOULDER, TORSO, d)
    side_base(e, hip)
    e.limb([hip, polar(hip, THIGH, d), foot])
    lift = d - 18
    top_foot = polar(hip, LEG, lift)
    e.limb([hip, polar(hip, THIGH, lift), top_foot])
    e.highlight(polar(hip, 4, 90))
    lift_arrow(e, hip[0] + 14, hip[1] - 36)
    e.arrow(
        (top_foot[0] + 14, GROUND - 8),
        (top_foot[0] + 12, top_foot[1] - 8),
        ctrl=(top_foot[0] + 28, top_foot[1] + 14),
    )
    return Drawing(
        "Single-leg side bridge from the feet",
        "Seen from the front. Start: lying on your side propped on the forearm, elbow under the "
        "shoulder, legs straight. End: hips lifted (arrow pointing up) so you rest on the "
        "forearm and the side of the bottom foot, body straight from head to feet, and the top "
        "leg raised a little (curved arrow).",
        s,
        e,
        LYING_ZOOM,
    )


def placeholder() -> str:
    p = Panel()
    hip = (PANEL / 2, GROUND - LEG + 1)
    for dx, far in ((-8, True), (8, False)):
        a = (hip[0] + dx, GROUND)
        p.limb([hip, polar(hip, THIGH, angle(hip, a)), a], far)
    sh = upright(p, hip)
    for side in (-1, 1):
        el = polar(sh, UPPER_ARM, 90 + side * 22)
        p.limb([sh, el, polar(el, FOREARM, 90 + side * 16)])
    body = "\n".join(
        [
            f'<rect x="150" y="16" width="340" height="{fmt(FLOOR + 12 - 16)}" rx="16" fill="none" '
            f'stroke="{PROP}" stroke-width="3" stroke-dasharray="10 8"/>',
            f'<g stroke-opacity="0.45">{p.render(PANEL / 2, Map())}</g>',
            f'<text x="320" y="{LABEL_Y}" font-size="16" text-anchor="middle" fill="{INK}">'
            "No image</text>",
        ]
    )
    return document(
        "No image available",
        "Placeholder: a plain, faded standing figure in a dashed frame, shown when an exercise "
        "has no illustration.",
        body,
    )


EXERCISES: dict[str, Callable[[], Drawing]] = {
    "glute-bridge": glute_bridge,
    "glute-max-mvc-test": glute_max_mvc_test,
    "half-kneeling-hip-flexor-stretch": half_kneeling,
    "hip-thrust": hip_thrust,
    "marching-bridge": marching_bridge,
    "prone-glute-squeeze": prone_glute_squeeze,
    "reverse-lunge": reverse_lunge,
    "side-bridge-knees": side_bridge_knees,
    "single-leg-bridge": single_leg_bridge,
    "single-leg-side-bridge-feet": single_leg_side_bridge_feet,
    "single-leg-side-bridge-knee": single_leg_side_bridge_knee,
    "single-leg-squat-to-chair": single_leg_squat_to_chair,
    "split-squat": split_squat,
    "standing-glute-squeeze": standing_glute_squeeze,
    "step-up": step_up,
    "walking-lunge": walking_lunge,
}


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, make in EXERCISES.items():
        (OUT_DIR / f"{name}.svg").write_text(two_panels(make()), encoding="utf-8")
    (OUT_DIR / "placeholder.svg").write_text(placeholder(), encoding="utf-8")
    print(f"wrote {len(EXERCISES) + 1} files to {OUT_DIR}")


if __name__ == "__main__":
    main()
