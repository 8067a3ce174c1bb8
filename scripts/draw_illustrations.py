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
    return s[:-2] if s.endswith(".0") else s


def pts(points: Iterable[Pt]) -> str:
    return " ".join(f"{fmt(x)},{fmt(y)}" for x, y in points)


# Layers, drawn in this order.
L_PROP_BACK, L_HIGHLIGHT, L_FAR, L_BODY, L_NEAR, L_PROP_FRONT, L_MARK = range(7)


@dataclass
class Panel:
    items: list[tuple[int, str]] = field(default_factory=list)

    def add(self, layer: int, svg: str) -> None:
        self.items.append((layer, svg))

    # body ------------------------------------------------------------------------------
    def limb(self, chain: list[Pt], far: bool = False) -> None:
        layer = L_FAR if far else L_NEAR
        self.add(layer, f'<polyline points="{pts(chain)}"/>')

    def torso(self, shoulder: Pt, hip: Pt) -> None:
        self.add(L_BODY, f'<polyline points="{pts([shoulder, hip])}"/>')

    def head(self, shoulder: Pt, deg: float) -> Pt:
        neck_end = polar(shoulder, NECK, deg)
        c = polar(shoulder, NECK + HEAD_R, deg)
        self.add(L_BODY, f'<polyline points="{pts([shoulder, neck_end])}"/>')
        self.add(
            L_BODY, f'<circle cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(HEAD_R)}" fill="none"/>'
        )
        return c

    def head_on(self, shoulder: Pt, centre_y: float, left: bool = True) -> Pt:
        """Head whose centre sits at centre_y (e.g. resting on the floor or on hands)."""
        dy = centre_y - shoulder[1]
        dx = math.sqrt(max((NECK + HEAD_R) ** 2 - dy * dy, 0.0))
        deg = math.degrees(math.atan2(dy, -dx if left else dx))
        return self.head(shoulder, deg)

    def highlight(self, c: Pt, r: float = 19) -> None:
        self.add(
            L_HIGHLIGHT,
            f'<circle cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(r)}" fill="{HIGHLIGHT}" '
            'fill-opacity="0.35" stroke="none"/>',
        )

    # props -----------------------------------------------------------------------------
    def floor(self, x0: float = 14, x1: float = 306) -> None:
        self.add(
            L_PROP_BACK,
            f'<line x1="{fmt(x0)}" y1="{fmt(FLOOR)}" x2="{fmt(x1)}" y2="{fmt(FLOOR)}" '
            f'stroke-width="{fmt(FLOOR_W)}"/>',
        )

    def box(
        self, x: float, y: float, w: float, h: float, rx: float = 3, front: bool = False
    ) -> None:
        self.add(
            L_PROP_FRONT if front else L_PROP_BACK,
            f'<rect x="{fmt(x)}" y="{fmt(y)}" width="{fmt(w)}" height="{fmt(h)}" rx="{fmt(rx)}" '
            f'fill="{PROP_FILL}" fill-opacity="{PROP_FILL_OPACITY}" stroke-width="3"/>',
        )

    def prop_line(self, chain: list[Pt], width: float = 4) -> None:
        self.add(
            L_PROP_BACK,
            f'<polyline points="{pts(chain)}" stroke-width="{fmt(width)}" fill="none"/>',
        )

    # marks -----------------------------------------------------------------------------
    def arrow(self, a: Pt, b: Pt, ctrl: Pt | None = None, colour: str = ARROW) -> None:
        """Arrow from a to b; curved through a quadratic control point if given."""
        head_len, head_half = 11.0, 6.5
        tail_dir = angle(ctrl if ctrl else a, b)
        shaft_end = polar(b, head_len * 0.6, tail_dir + 180)
        if ctrl:
            d = (
                f"M{fmt(a[0])},{fmt(a[1])} Q{fmt(ctrl[0])},{fmt(ctrl[1])} "
                f"{fmt(shaft_end[0])},{fmt(shaft_end[1])}"
            )
        else:
            d = f"M{fmt(a[0])},{fmt(a[1])} L{fmt(shaft_end[0])},{fmt(shaft_end[1])}"
        base = polar(b, head_len, tail_dir + 180)
        left = polar(base, head_half, tail_dir + 90)
        right = polar(base, head_half, tail_dir - 90)
        self.add(
            L_MARK,
            f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="4"/>'
            f'<polygon points="{pts([b, left, right])}" fill="{colour}" stroke="{colour}" '
            'stroke-width="2" stroke-linejoin="round"/>',
        )

    def text(self, p: Pt, s: str, size: float = 13, anchor: str = "middle") -> None:
        self.add(
            L_MARK,
            f'<text x="{fmt(p[0])}" y="{fmt(p[1])}" font-size="{fmt(size)}" '
            f'text-anchor="{anchor}" fill="{INK}" stroke="none">{escape(s)}</text>',
        )

    def squeeze_marks(self, c: Pt, r: float = 19) -> None:
        """Two short arrows pointing into the glute region: 'squeeze'."""
        for deg in (200, -20):
            self.arrow(polar(c, r + 20, deg), polar(c, r - 2, deg))

    # render ----------------------------------------------------------------------------
    def render(self, dx: float) -> str:
        groups: dict[int, list[str]] = {}
        for layer, svg in self.items:
            groups.setdefault(layer, []).append(svg)
        attrs = {
            L_PROP_BACK: f'stroke="{PROP}" fill="none"',
            L_PROP_FRONT: f'stroke="{PROP}" fill="none"',
            L_HIGHLIGHT: "",
            L_FAR: f'stroke="{INK}" stroke-opacity="{FAR_OPACITY}" stroke-width="{fmt(BODY_W)}" fill="none"',
            L_BODY: f'stroke="{INK}" stroke-width="{fmt(BODY_W)}" fill="none"',
            L_NEAR: f'stroke="{INK}" stroke-width="{fmt(BODY_W)}" fill="none"',
            L_MARK: "",
        }
        out = [f'<g transform="translate({fmt(dx)},0)">']
        for layer in sorted(groups):
            a = attrs[layer]
            out.append(f"<g {a}>" if a else "<g>")
            out.extend(groups[layer])
            out.append("</g>")
        out.append("</g>")
        return "\n".join(out)


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


def two_panels(title: str, desc: str, start: Panel, end: Panel) -> str:
    parts = [
        start.render(0),
        end.render(PANEL),
        # divider between the panels
        f'<line x1="{PANEL}" y1="24" x2="{PANEL}" y2="{fmt(FLOOR + 18)}" stroke="{PROP}" '
        'stroke-width="2" stroke-dasharray="2 8"/>',
        f'<g font-size="16" text-anchor="middle" fill="{INK}">'
        f'<text x="{PANEL / 2:g}" y="{LABEL_Y}">Start</text>'
        f'<text x="{PANEL * 1.5:g}" y="{LABEL_Y}">End</text></g>',
    ]
    return document(title, desc, "\n".join(parts))


# --- reusable body parts --------------------------------------------------------------------
def flat_foot(ankle: Pt, facing: int = 1) -> Pt:
    return (ankle[0] + facing * FOOT, ankle[1])


def toe_foot(toe: Pt, lift_deg: float, facing: int = 1) -> Pt:
    """Ankle of a foot whose toes touch the floor at `toe` with the heel lifted by lift_deg."""
    return polar(toe, FOOT, 180 + lift_deg if facing == 1 else -lift_deg)


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


def glute_point(hip: Pt, torso_deg: float, back_deg: float = -90, r: float = 10) -> Pt:
    """Centre of the glute highlight: just behind the hip, on the back side of the pelvis."""
    return polar(hip, r, torso_deg + back_deg)


# --- exercises ----------------------------------------------------------------------------
Drawing = tuple[str, str, Panel, Panel]


def supine_base(p: Panel, shoulder: Pt) -> None:
    p.floor()
    p.head_on(shoulder, GROUND - HEAD_R - 1)
    # arms by the sides, resting on the floor
    elbow = (shoulder[0] + UPPER_ARM, GROUND)
    p.limb([shoulder, elbow, (elbow[0] + FOREARM, GROUND)])


def bridge_top(shoulder: Pt, ankle: Pt) -> tuple[Pt, Pt]:
    """Hip and knee with shoulder, hip and knee in one straight line and the foot planted."""

    def gap(theta: float) -> float:
        knee = polar(shoulder, TORSO + THIGH, -theta)
        return dist(knee, ankle) - SHIN

    theta = bisect(gap, 0, 60)
    return polar(shoulder, TORSO, -theta), polar(shoulder, TORSO + THIGH, -theta)


BR_SHOULDER: Pt = (70, GROUND)
BR_HIP: Pt = (BR_SHOULDER[0] + TORSO, GROUND)
BR_ANKLE: Pt = (BR_HIP[0] + 76, GROUND)


def glute_bridge() -> Drawing:
    s, e = Panel(), Panel()
    for p in (s, e):
        supine_base(p, BR_SHOULDER)
    s.torso(BR_SHOULDER, BR_HIP)
    leg(s, BR_HIP, BR_ANKLE, flat_foot(BR_ANKLE), up)

    hip, knee = bridge_top(BR_SHOULDER, BR_ANKLE)
    e.torso(BR_SHOULDER, hip)
    e.limb([hip, knee, BR_ANKLE, flat_foot(BR_ANKLE)])
    e.highlight(glute_point(hip, angle(BR_SHOULDER, hip), 90))
    e.arrow((hip[0] + 4, GROUND - 8), (hip[0] + 4, hip[1] + 22))
    return (
        "Glute bridge",
        "Start: lying on your back, knees bent to about a right angle, feet flat on the floor, "
        "arms by your sides. End: hips lifted (arrow pointing up) until shoulders, hips and "
        "knees form a straight line; the buttocks are highlighted as the working muscles.",
        s,
        e,
    )


def marching_bridge() -> Drawing:
    s, e = Panel(), Panel()
    hip, knee = bridge_top(BR_SHOULDER, BR_ANKLE)
    for p in (s, e):
        supine_base(p, BR_SHOULDER)
        p.torso(BR_SHOULDER, hip)
        p.highlight(glute_point(hip, angle(BR_SHOULDER, hip), 90))
    s.limb([hip, knee, BR_ANKLE, flat_foot(BR_ANKLE)])
    s.limb([hip, knee, BR_ANKLE, flat_foot(BR_ANKLE)], far=True)

    # near leg lifts: the whole leg rotates about the hip, keeping the knee angle
    rot = 24.0
    th, sh = angle(hip, knee), angle(knee, BR_ANKLE)
    k2 = polar(hip, THIGH, th - rot)
    a2 = polar(k2, SHIN, sh - rot)
    e.limb([hip, k2, a2, polar(a2, FOOT, -rot)])
    e.limb([hip, knee, BR_ANKLE, flat_foot(BR_ANKLE)], far=True)
    e.arrow((BR_ANKLE[0] + 14, GROUND - 6), (BR_ANKLE[0] + 14, a2[1] + 2))
    return (
        "Marching bridge",
        "Start: holding a bridge on your back, hips lifted so shoulders, hips and knees form a "
        "line, both feet flat. End: hips stay up and level while one foot lifts a few "
        "centimetres off the floor (arrow pointing up); then it goes back down and the feet "
        "take turns.",
        s,
        e,
    )


def single_leg_bridge() -> Drawing:
    s, e = Panel(), Panel()
    for p in (s, e):
        supine_base(p, BR_SHOULDER)
    s.torso(BR_SHOULDER, BR_HIP)
    knee = leg(s, BR_HIP, BR_ANKLE, flat_foot(BR_ANKLE), up)
    th = angle(BR_HIP, knee)
    fk, fa = polar(BR_HIP, THIGH, th), polar(BR_HIP, LEG, th)
    s.limb([BR_HIP, fk, fa, polar(fa, FOOT, th - 90)], far=True)

    hip, knee = bridge_top(BR_SHOULDER, BR_ANKLE)
    e.torso(BR_SHOULDER, hip)
    e.limb([hip, knee, BR_ANKLE, flat_foot(BR_ANKLE)])
    th = angle(BR_SHOULDER, hip)
    fk, fa = polar(hip, THIGH, th), polar(hip, LEG, th)
    e.limb([hip, fk, fa, polar(fa, FOOT, th - 90)], far=True)
    e.highlight(glute_point(hip, th, 90))
    e.arrow((hip[0] + 4, GROUND - 8), (hip[0] + 4, hip[1] + 22))
    return (
        "Single-leg bridge",
        "Start: lying on your back, one knee bent with that foot flat on the floor, the other "
        "leg straight in line with its thigh. End: pushing through the planted heel, hips lifted "
        "(arrow pointing up) until shoulders, hips and knee form a line, the free leg still "
        "straight in line with the body and hips level.",
        s,
        e,
    )


def hip_thrust() -> Drawing:
    s, e = Panel(), Panel()
    shoulder: Pt = (92, GROUND - SHIN)
    bench_top = shoulder[1] + BODY_W / 2 + 1.5
    ankle: Pt = (shoulder[0] + TORSO + THIGH, GROUND)
    for p in (s, e):
        p.floor()
        # sofa / bench behind the upper back
        p.box(16, bench_top, shoulder[0] - 3 - 16, FLOOR - bench_top, rx=4)
        p.head(shoulder, 212)
        # arms resting along the top of the bench
        elbow = (shoulder[0] - UPPER_ARM + 6, bench_top - 4.5)
        p.limb([shoulder, elbow, (elbow[0] - FOREARM + 2, bench_top - 4.5)])

    hip_s = (shoulder[0] + math.sqrt(TORSO**2 - (GROUND - 6 - shoulder[1]) ** 2), GROUND - 6)
    s.torso(shoulder, hip_s)
    leg(s, hip_s, ankle, flat_foot(ankle), up)

    hip_e = (shoulder[0] + TORSO, shoulder[1])
    knee_e = (hip_e[0] + THIGH, shoulder[1])
    e.torso(shoulder, hip_e)
    e.limb([hip_e, knee_e, ankle, flat_foot(ankle)])
    e.highlight(glute_point(hip_e, 0, 90))
    e.arrow((hip_e[0], GROUND - 4), (hip_e[0], hip_e[1] + 24))
    return (
        "Hip thrust",
        "Start: sitting on the floor with the bottom of the shoulder blades against the edge of "
        "a sofa or bench, knees bent and feet flat. End: hips pushed up (arrow pointing up) "
        "until shoulders, hips and knees are level, shins upright, buttocks squeezed at the top.",
        s,
        e,
    )


# prone figures: head on the left, pillow under the hips
PR_SHOULDER: Pt = (78, GROUND - 7)
PR_PILLOW = (118, FLOOR - 15, 60, 15)  # x, y, w, h
PR_HIP: Pt = (PR_SHOULDER[0] + math.sqrt(TORSO**2 - 9**2), GROUND - 16)


def prone_base(p: Panel) -> None:
    p.floor()
    x, y, w, h = PR_PILLOW
    p.box(x, y, w, h, rx=7)
    p.torso(PR_SHOULDER, PR_HIP)
    # forehead resting on stacked hands (arms out to the side, seen end-on)
    hands: Pt = (PR_SHOULDER[0] - 28, GROUND - 3)
    elbow: Pt = (PR_SHOULDER[0] - 12, GROUND)
    p.limb([PR_SHOULDER, elbow, hands])
    p.head_on(PR_SHOULDER, hands[1] - HEAD_R - 5)


def prone_straight_leg(p: Panel, far: bool) -> None:
    knee = (PR_HIP[0] + math.sqrt(THIGH**2 - (GROUND - PR_HIP[1]) ** 2), GROUND)
    ankle = (knee[0] + SHIN, GROUND)
    p.limb([PR_HIP, knee, ankle, polar(ankle, FOOT, -25)], far)


def prone_glute_squeeze() -> Drawing:
    s, e = Panel(), Panel()
    for p in (s, e):
        prone_base(p)
        prone_straight_leg(p, far=True)
        prone_straight_leg(p, far=False)
    g = glute_point(PR_HIP, 0, -90, 12)
    s.text((g[0], g[1] - 34), "relaxed")
    e.highlight(g)
    e.squeeze_marks(g)
    e.text((g[0], g[1] - 44), "squeeze")
    return (
        "Prone glute squeeze",
        "Start: lying face down with a pillow under the hips, forehead resting on the hands, "
        "legs relaxed. End: same position with both buttocks squeezed together (arrows pointing "
        "into the highlighted buttocks), hips staying on the pillow.",
        s,
        e,
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
    knee = bent_leg(e, 12)
    g = glute_point(PR_HIP, 0, -90, 12)
    e.highlight(g)
    e.arrow((knee[0] + 2, GROUND - 2), (knee[0] + 2, knee[1] + 6))  # thigh lifts
    # resistance from a helper, pushing the thigh down
    mid = polar(PR_HIP, THIGH * 0.62, angle(PR_HIP, knee))
    e.arrow((mid[0] - 8, mid[1] - 42), (mid[0] - 3, mid[1] - 9), colour=PROP)
    e.text((mid[0] - 10, mid[1] - 48), "resist")
    e.text((g[0] - 30, g[1] - 26), "squeeze", anchor="end")
    s.text((g[0], g[1] - 34), "relaxed")
    return (
        "Strongest glute squeeze test (gluteus maximus MVC)",
        "Start: lying face down with a pillow under the hips, forehead on the hands, the tested "
        "knee bent to a right angle with the sole of the foot facing the ceiling. End: the "
        "buttock squeezes as hard as is comfortable and the thigh lifts just off the floor "
        "(arrow pointing up), optionally against a helper's hand pushing down (grey arrow).",
        s,
        e,
    )


def standing_glute_squeeze() -> Drawing:
    s, e = Panel(), Panel()
    ankle: Pt = (150, GROUND)
    hip: Pt = (ankle[0] - 4, GROUND - LEG + 2)  # knees soft, not locked
    for p in (s, e):
        p.floor()
        leg(p, hip, (ankle[0] - 3, GROUND), flat_foot((ankle[0] - 3, GROUND)), far=True)
        leg(p, hip, ankle, flat_foot(ankle))
        sh = upright(p, hip)
        # hands resting on the buttocks
        hand = (hip[0] - 12, hip[1] + 2)
        arm(p, sh, (hand[0] + 3, hand[1] - 2), far=True)
        arm(p, sh, hand)
    g = glute_point(hip, -90, -90, 10)
    s.text((g[0] - 36, g[1] - 12), "relaxed", anchor="end")
    e.highlight(g)
    e.squeeze_marks(g)
    e.text((g[0] - 42, g[1] - 18), "squeeze", anchor="end")
    return (
        "Standing glute squeeze",
        "Start: standing tall, feet hip-width apart, knees soft, hands resting on the buttocks, "
        "muscles relaxed. End: same tall position with both buttocks squeezed (arrows pointing "
        "into the highlighted buttocks), without leaning back or locking the knees.",
        s,
        e,
    )


def half_kneeling() -> Drawing:
    s, e = Panel(), Panel()
    cushion = (92, FLOOR - 12, 46, 12)
    knee: Pt = (116, cushion[1] - FLOOR_W / 2 - BODY_W / 2)
    b_ankle = (knee[0] - math.sqrt(SHIN**2 - (GROUND - knee[1]) ** 2), GROUND)
    f_ankle: Pt = (knee[0] + 74, GROUND)

    def pose(p: Panel, shift: float) -> Pt:
        p.floor()
        p.box(*cushion, rx=5)
        hip = (knee[0] + shift, knee[1] - math.sqrt(THIGH**2 - shift**2))
        leg(p, hip, f_ankle, flat_foot(f_ankle), fwd, far=True)
        p.limb([hip, knee, b_ankle, (b_ankle[0] - FOOT, GROUND)])
        sh = upright(p, hip)
        hand = (hip[0] + 6, hip[1] - 6)  # hands on hips, elbows back
        arm(p, sh, (hand[0] + 2, hand[1]), far=True)
        arm(p, sh, hand)
        return hip

    pose(s, 0)
    hip = pose(e, 15)
    g = glute_point(hip, -90, -90, 10)
    e.highlight(g)
    # pelvis tucks under (curved arrow around the back of the pelvis), then shifts forward
    e.arrow((g[0] - 22, g[1] - 22), (g[0] - 6, g[1] + 26), ctrl=(g[0] - 36, g[1] + 14))
    e.arrow((hip[0] + 34, hip[1] - 28), (hip[0] + 64, hip[1] - 28))
    e.text((hip[0] + 50, hip[1] - 40), "shift")
    e.text((g[0] - 30, g[1] - 28), "tuck", anchor="end")
    return (
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
    box = (172, box_top, 118, FLOOR - box_top)
    step_ground = box_top - FLOOR_W / 2 - BODY_W / 2
    on_step: Pt = (190, step_ground)
    floor_ankle: Pt = (112, GROUND)
    for p in (s, e):
        p.floor()
        p.box(*box)

    hip = (138, GROUND - 103)
    leg(s, hip, floor_ankle, flat_foot(floor_ankle), fwd, far=True)
    leg(s, hip, on_step, flat_foot(on_step))
    sh = upright(s, hip, 12)
    hanging_arm(s, sh, far=True, lean=-8)
    hanging_arm(s, sh, lean=14)

    hip = (on_step[0] - 3, step_ground - LEG + 2)
    trail: Pt = (on_step[0] - 16, step_ground - 16)
    leg(e, hip, trail, polar(trail, FOOT, 20), fwd, far=True)
    leg(e, hip, on_step, flat_foot(on_step))
    sh = upright(e, hip, 2)
    hanging_arm(e, sh, far=True)
    hanging_arm(e, sh)
    e.highlight(glute_point(hip, -90, -90, 10))
    e.arrow((hip[0] + 40, hip[1] + 62), (hip[0] + 40, hip[1] + 14))
    return (
        "Step-up",
        "Start: standing in front of a low step with the whole of one foot placed on it and "
        "the knee over the middle toes, trunk leaning slightly forward. End: pushing through the "
        "heel on the step to stand tall on it (arrow pointing up), the other foot lifted off the "
        "floor beside the step.",
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
    return hip, back_toe, front_ankle


def standing(p: Panel, ankle_x: float) -> Pt:
    hip = (ankle_x - 2, GROUND - LEG + 1)
    leg(p, hip, (ankle_x - 4, GROUND), flat_foot((ankle_x - 4, GROUND)), far=True)
    leg(p, hip, (ankle_x, GROUND), flat_foot((ankle_x, GROUND)))
    sh = upright(p, hip)
    hanging_arm(p, sh, far=True, lean=-4)
    hanging_arm(p, sh)
    return hip


def split_squat() -> Drawing:
    s, e = Panel(), Panel()
    for p in (s, e):
        p.floor()
    hip_x = 150.0
    back_toe = (hip_x - 50, GROUND)
    front_ankle = (hip_x + 47, GROUND)
    b_ankle = toe_foot(back_toe, 40)
    # start: tall in a long stride, both knees nearly straight
    hip_s = (hip_x + 2, GROUND - 96)
    leg(s, hip_s, b_ankle, back_toe, fwd, far=True)
    leg(s, hip_s, front_ankle, flat_foot(front_ankle))
    sh = upright(s, hip_s, 2)
    hanging_arm(s, sh, far=True, lean=-6)
    hanging_arm(s, sh, lean=6)

    hip, _, _ = lunge_bottom(e, hip_x)
    e.highlight(glute_point(hip, -90, -90, 10))
    e.arrow((hip[0] - 40, hip[1] - 50), (hip[0] - 40, hip[1] - 4))
    return (
        "Split squat",
        "Start: standing tall in a long stride, one foot forward, back heel lifted. End: both "
        "knees bent and the back knee lowered towards the floor (arrow pointing down), trunk "
        "upright and the front knee over the middle toes.",
        s,
        e,
    )


def reverse_lunge() -> Drawing:
    s, e = Panel(), Panel()
    for p in (s, e):
        p.floor()
    hip_x = 160.0
    standing(s, hip_x + 47)
    hip, back_toe, _ = lunge_bottom(e, hip_x)
    e.highlight(glute_point(hip, -90, -90, 10))
    e.arrow(
        (hip_x + 36, GROUND + 12),
        (back_toe[0] - 4, GROUND + 12),
    )
    e.arrow((hip[0] - 44, hip[1] - 50), (hip[0] - 44, hip[1] - 6))
    return (
        "Reverse lunge",
        "Start: standing tall, feet hip-width apart. End: one leg has stepped back (arrow "
        "pointing backwards) and the back knee is lowered towards the floor (arrow pointing "
        "down), trunk upright, the front foot unmoved with its knee over the middle toes.",
        s,
        e,
    )


def walking_lunge() -> Drawing:
    s, e = Panel(), Panel()
    for p in (s, e):
        p.floor()
    start_ankle = 96.0
    standing(s, start_ankle)
    hip_x = start_ankle + FOOT + 50
    hip, _, front_ankle = lunge_bottom(e, hip_x)
    e.highlight(glute_point(hip, -90, -90, 10))
    e.arrow((start_ankle + 4, GROUND + 12), (front_ankle[0] + 12, GROUND + 12))
    e.arrow((hip[0] - 44, hip[1] - 50), (hip[0] - 44, hip[1] - 6))
    return (
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
        p.floor()
        p.prop_line([(seat_back, seat_y - 66), (seat_back, FLOOR)])  # back rest and back leg
        p.prop_line([(seat_back, seat_y), (seat_front, seat_y)], width=6)  # seat
        p.prop_line([(seat_front - 4, seat_y), (seat_front - 4, FLOOR)])  # front leg

    hip = (ankle[0] - 4, GROUND - LEG + 2)
    free = (ankle[0] + 10, GROUND - 12)
    leg(s, hip, free, polar(free, FOOT, -10), fwd, far=True)
    leg(s, hip, ankle, flat_foot(ankle))
    sh = upright(s, hip, 2)
    hanging_arm(s, sh, far=True)
    hanging_arm(s, sh)

    hip = (seat_front + 12, seat_y - 14)
    free = (ankle[0] + 40, GROUND - 16)
    leg(e, hip, free, polar(free, FOOT, -40), up, far=True)
    leg(e, hip, ankle, flat_foot(ankle))
    sh = polar(hip, TORSO, -52)
    e.torso(sh, hip)
    e.head(sh, -45)
    for far, deg in ((True, -6), (False, 0)):
        el = polar(sh, UPPER_ARM, deg)
        e.limb([sh, el, polar(el, FOREARM, deg)], far)
    e.highlight(glute_point(hip, -52, -90, 10))
    e.arrow((hip[0] + 6, hip[1] - 80), (hip[0] - 22, hip[1] - 20), ctrl=(hip[0] - 30, hip[1] - 66))
    return (
        "Single-leg squat to a chair",
        "Start: standing on one leg in front of a chair, the other foot just off the floor. "
        "End: hips pushed back and lowered (curved arrow) until the buttocks lightly touch the "
        "seat, trunk leaning forward, arms reaching forward for balance, the standing knee over "
        "the middle toes and the other foot held just off the floor.",
        s,
        e,
    )


# side bridges: front view, lying on the left side, head on the left
SB_ELBOW: Pt = (82, GROUND)
SB_SHOULDER: Pt = (SB_ELBOW[0], GROUND - UPPER_ARM)


def side_base(p: Panel, hip: Pt) -> None:
    p.floor()
    p.torso(SB_SHOULDER, hip)
    p.head(SB_SHOULDER, angle(hip, SB_SHOULDER))
    # bottom forearm on the floor (pointing towards the viewer, drawn a little foreshortened)
    p.limb([SB_SHOULDER, SB_ELBOW, (SB_ELBOW[0] - 30, GROUND)])
    # top hand resting on the top hip
    arm(p, SB_SHOULDER, polar(hip, 8, angle(hip, SB_SHOULDER) - 90), up, far=True)


def bent_knees(p: Panel, hip: Pt, knee: Pt, top: bool = True) -> None:
    """Both knees bent with the shins going back behind the body (drawn foreshortened)."""
    p.limb([hip, knee, polar(knee, SHIN * 0.55, -62)])
    if top:
        top_knee = polar(hip, THIGH, angle(hip, knee) - 9)
        p.limb([hip, top_knee, polar(top_knee, SHIN * 0.55, -62)], far=True)


def side_bridge_hip(knee_floor: Pt) -> tuple[Pt, float]:
    """Hip on the straight shoulder-knee line (knee on the floor)."""
    d = angle(SB_SHOULDER, knee_floor)
    return polar(SB_SHOULDER, TORSO, d), d


def side_bridge_knees() -> Drawing:
    s, e = Panel(), Panel()
    hip_s = (SB_SHOULDER[0] + math.sqrt(TORSO**2 - UPPER_ARM**2), GROUND)
    side_base(s, hip_s)
    bent_knees(s, hip_s, (hip_s[0] + THIGH, GROUND))

    knee = (SB_SHOULDER[0] + math.sqrt((TORSO + THIGH) ** 2 - UPPER_ARM**2), GROUND)
    hip, _ = side_bridge_hip(knee)
    side_base(e, hip)
    bent_knees(e, hip, knee)
    e.highlight(polar(hip, 4, 90))
    e.arrow((hip[0], GROUND - 2), (hip[0], hip[1] + 22))
    return (
        "Side bridge from the knees",
        "Seen from the front. Start: lying on your side propped on the forearm, elbow under the "
        "shoulder, knees bent with the feet behind you, hips on the floor. End: hips lifted "
        "(arrow pointing up) so the body makes a straight line from head to knees.",
        s,
        e,
    )


def single_leg_side_bridge_knee() -> Drawing:
    s, e = Panel(), Panel()
    hip_s = (SB_SHOULDER[0] + math.sqrt(TORSO**2 - UPPER_ARM**2), GROUND)
    side_base(s, hip_s)
    bent_knees(s, hip_s, (hip_s[0] + THIGH, GROUND), top=False)
    # top leg straight, resting on the bottom knee
    foot_s = (hip_s[0] + math.sqrt(LEG**2 - 12**2), GROUND - 12)
    s.limb([hip_s, polar(hip_s, THIGH, angle(hip_s, foot_s)), foot_s], far=True)

    knee = (SB_SHOULDER[0] + math.sqrt((TORSO + THIGH) ** 2 - UPPER_ARM**2), GROUND)
    hip, d = side_bridge_hip(knee)
    side_base(e, hip)
    bent_knees(e, hip, knee, top=False)
    # top leg raised to about hip height
    e.limb([hip, polar(hip, THIGH, 0), polar(hip, LEG, 0)], far=True)
    e.highlight(polar(hip, 4, 90))
    e.arrow((hip[0] - 10, GROUND - 2), (hip[0] - 10, hip[1] + 22))
    e.arrow(polar(hip, LEG - 6, d + 8), polar(hip, LEG - 6, -6), ctrl=polar(hip, LEG + 10, d / 2))
    return (
        "Single-leg side bridge from the knee",
        "Seen from the front. Start: lying on your side propped on the forearm, bottom knee "
        "bent, top leg straight in line with the body. End: hips lifted (arrow pointing up) "
        "from the bottom knee, and the straight top leg raised to about hip height (curved "
        "arrow).",
        s,
        e,
    )


def single_leg_side_bridge_feet() -> Drawing:
    s, e = Panel(), Panel()
    hip_s = (SB_SHOULDER[0] + math.sqrt(TORSO**2 - UPPER_ARM**2), GROUND)
    side_base(s, hip_s)
    foot_b = (hip_s[0] + LEG, GROUND)
    s.limb([hip_s, (hip_s[0] + THIGH, GROUND), foot_b])
    foot_t = (hip_s[0] + math.sqrt(LEG**2 - 9**2), GROUND - 9)
    s.limb([hip_s, polar(hip_s, THIGH, angle(hip_s, foot_t)), foot_t], far=True)

    reach = TORSO + LEG
    foot = (SB_SHOULDER[0] + math.sqrt(reach**2 - UPPER_ARM**2), GROUND)
    d = angle(SB_SHOULDER, foot)
    hip = polar(SB_SHOULDER, TORSO, d)
    side_base(e, hip)
    e.limb([hip, polar(hip, THIGH, d), foot])
    lift = d - 20
    e.limb([hip, polar(hip, THIGH, lift), polar(hip, LEG, lift)], far=True)
    e.highlight(polar(hip, 4, 90))
    e.arrow((hip[0], GROUND - 2), (hip[0], hip[1] + 22))
    e.arrow(
        polar(hip, LEG - 8, d + 4), polar(hip, LEG - 8, lift - 4), ctrl=polar(hip, LEG + 8, d - 8)
    )
    return (
        "Single-leg side bridge from the feet",
        "Seen from the front. Start: lying on your side propped on the forearm, elbow under the "
        "shoulder, legs straight. End: hips lifted (arrow pointing up) so you rest on the "
        "forearm and the side of the bottom foot, body straight from head to feet, and the top "
        "leg raised a little (curved arrow).",
        s,
        e,
    )


def placeholder() -> str:
    p = Panel()
    p.floor(200, 440)
    hip = (320.0, GROUND - LEG + 3)
    for dx, far in ((-8, True), (8, False)):
        a = (hip[0] + dx, GROUND)
        p.limb([hip, ik(hip, a, THIGH, SHIN, fwd), a], far)
    sh = polar(hip, TORSO, -90)
    p.torso(sh, hip)
    p.head(sh, -90)
    for side in (-1, 1):
        el = polar(sh, UPPER_ARM, 90 + side * 25)
        p.limb([sh, el, polar(el, FOREARM, 90 + side * 20)])
    body = "\n".join(
        [
            f'<rect x="150" y="16" width="340" height="{fmt(FLOOR + 12 - 16)}" rx="16" fill="none" '
            f'stroke="{PROP}" stroke-width="3" stroke-dasharray="10 8"/>',
            f'<g stroke-opacity="0.5" fill-opacity="0.5">{p.render(0)}</g>',
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
        (OUT_DIR / f"{name}.svg").write_text(two_panels(*make()), encoding="utf-8")
    (OUT_DIR / "placeholder.svg").write_text(placeholder(), encoding="utf-8")
    print(f"wrote {len(EXERCISES) + 1} files to {OUT_DIR}")


if __name__ == "__main__":
    main()
