""" "Understand your glutes": plain-language background, common myths, and the evidence.

Encouraging and calm. The words people use for "my glutes don't work" (asleep, switched off,
amnesia) appear only inside the myths this page corrects; each myth label carries the
``myth`` property so tests can check the rest of the page stays free of them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from glute_coach.core.resources import builtin_asset
from glute_coach.ui.widgets import MIN_TOUCH_PX, ScaledLabel, SvgImage, reference_list, set_role

CONTENT_MAX_WIDTH = 1040
BODY_FACTOR = 1.1
ILLUSTRATION_WIDTH = 480


@dataclass(frozen=True)
class EducationReference:
    citation: str
    doi: str | None = None
    url: str | None = None


# Citations as the bundled routines give them; DOIs only where a routine already records one.
REFERENCES: tuple[EducationReference, ...] = (
    EducationReference(
        "Distefano LJ, Blackburn JT, Marshall SW, Padua DA. Gluteal muscle activation during "
        "common therapeutic exercises. J Orthop Sports Phys Ther. 2009;39(7):532-540.",
        doi="10.2519/jospt.2009.2796",
    ),
    EducationReference(
        "Neumann DA. Kinesiology of the hip: a focus on muscular actions. "
        "J Orthop Sports Phys Ther. 2010;40(2):82-94.",
        doi="10.2519/jospt.2010.3025",
    ),
    EducationReference(
        "Reiman MP, Bolgla LA, Loudon JK. A literature review of studies evaluating gluteus "
        "maximus and gluteus medius activation during rehabilitation exercises. "
        "Physiother Theory Pract. 2012;28(4):257-268.",
        doi="10.3109/09593985.2011.604981",
    ),
    EducationReference(
        "Lewis CL, Sahrmann SA. Muscle activation and movement patterns during prone hip "
        "extension exercise in women. J Athl Train. 2009;44(3):238-248.",
    ),
    EducationReference(
        "Selkowitz DM, Beneck GJ, Powers CM. Which exercises target the gluteal muscles while "
        "minimizing activation of the tensor fascia lata? Electromyographic assessment using "
        "fine-wire electrodes. J Orthop Sports Phys Ther. 2013;43(2):54-64.",
        doi="10.2519/jospt.2013.4116",
    ),
    EducationReference(
        "Boren K, Conrey C, Le Coguic J, Paprocki L, Voight M, Robinson TK. Electromyographic "
        "analysis of gluteus medius and gluteus maximus during rehabilitation exercises. "
        "Int J Sports Phys Ther. 2011;6(3):206-223.",
        url="https://pmc.ncbi.nlm.nih.gov/articles/PMC3201064/",
    ),
)


class EducationView(QWidget):
    """A readable page about the glutes; ``back_requested`` returns to where the user was."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 20, 32, 16)
        outer.setSpacing(12)

        top = QHBoxLayout()
        top.setSpacing(16)
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setMinimumHeight(MIN_TOUCH_PX)
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.title_label = ScaledLabel(
            self.tr("Understand your glutes"), factor=1.9, bold=True, role="title"
        )
        top.addWidget(self.title_label, 1)
        outer.addLayout(top)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self._content())
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.scroll_area.setAccessibleName(self.tr("Understand your glutes"))
        outer.addWidget(self.scroll_area, 1)
        self.setFocusProxy(self.scroll_area)  # arrows and Page Down scroll at once

    # --- content ---------------------------------------------------------------------------

    def _content(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        body.setMaximumWidth(CONTENT_MAX_WIDTH)
        row.addWidget(body, 100)
        row.addStretch(1)
        self._column = QVBoxLayout(body)
        self._column.setContentsMargins(0, 4, 16, 32)
        self._column.setSpacing(12)

        self._paragraph(
            self.tr(
                "Your glutes are the three muscles of your buttock: gluteus maximus, the big one that straightens your hip when you stand up, climb stairs or push off; and gluteus medius and minimus at the side of the hip, which keep your pelvis level when you stand on one leg. Like every muscle, they respond to training at any age."
            ),
            lead=True,
        )

        self._heading(self.tr("Why glutes can feel as if they do not work"))
        self._paragraph(
            self.tr(
                "When people say their glutes \u201cdon\u2019t work\u201d, one or more of three things is usually going on. All three are common, and all three improve with targeted, progressive strengthening."
            )
        )
        self._point(
            self.tr("Weakness"),
            self.tr(
                "The muscle can produce less force than it needs to, for example after a period of less activity, an injury or an operation. Strength comes back when the muscle is asked to do a little more, regularly, over weeks."
            ),
        )
        self._point(
            self.tr("Altered motor control"),
            self.tr(
                "The brain has got used to sharing the work differently, leaning more on the hamstrings or the lower back when the hip straightens. The glutes are still active, just used in a different order or amount. Practising slow, deliberate movements, with your attention on the glutes, teaches a new habit; studies of lying face-down hip extension show such patterns differ between people (Lewis & Sahrmann 2009)."
            ),
        )
        self._point(
            self.tr("Inhibition by pain"),
            self.tr(
                "Pain or swelling around a joint can reduce how strongly a nearby muscle contracts for a while. This is the nervous system being careful, not a fault. As pain settles and you keep moving within comfortable limits, the muscle can contract more strongly again."
            ),
        )

        self._heading(self.tr("Common myths, and what the evidence says"))
        self._myth(
            self.tr("\u201cMy glutes are switched off, asleep, or have \u2018amnesia\u2019.\u201d"),
            self.tr(
                "Glutes do not switch off, fall asleep or forget how to work. Studies measuring muscle activity (EMG) find the gluteal muscles active in everyday movements and in common exercises (Distefano et al. 2009; Reiman, Bolgla & Loudon 2012). What feels like \u201cnot working\u201d is weakness, a movement habit or pain, and each of these is trainable."
            ),
        )
        self._myth(
            self.tr("\u201cIf I don\u2019t feel it burn, it isn\u2019t working.\u201d"),
            self.tr(
                "How much you feel a muscle varies from person to person and from day to day. A sensor often shows the glutes working well even when you feel very little. Good form and steady progress matter far more than a burning feeling."
            ),
        )
        self._myth(
            self.tr("\u201cMore is always better.\u201d"),
            self.tr(
                "Muscles get stronger while they recover between sessions. A few focused sessions a week, made a little harder over time, beats doing as much as possible every day. Follow the routine\u2019s suggested frequency, or your clinician\u2019s advice."
            ),
        )
        self._myth(
            self.tr("\u201cAny discomfort means I\u2019m doing harm.\u201d"),
            self.tr(
                "Mild discomfort, muscle effort or a gentle stretch is normal and expected when you train. A useful guide: if your pain rises by less than 2 points (on a 0 to 10 scale) and is back to your usual level by the next morning, the amount is about right."
            ),
        )
        self._myth(
            self.tr("\u201cOnly special glute exercises work the glutes.\u201d"),
            self.tr(
                "Bridges, side bridges, step-ups, squats and lunges all work the glutes substantially, and some exercises favour the glutes over the muscles around them (Distefano et al. 2009; Selkowitz, Beneck & Powers 2013; Boren et al. 2011). The best exercise is one you can do well and keep doing."
            ),
        )

        self._heading(self.tr("Why we lengthen the hip flexors before the squeeze"))
        self._paragraph(
            self.tr(
                "The hip flexors at the front of the hip bend the hip; gluteus maximus at the back straightens it, so the two work as opposites (Neumann 2010). After long hours of sitting, the front of the hip often feels tight and the hip does not straighten fully."
            )
        )
        self._paragraph(
            self.tr(
                "Gently lengthening the front of the hip first lets the hip straighten more comfortably. Many people then find it easier to feel the glutes and to squeeze them fully, which is why several routines start with a hip flexor stretch before the glute squeezes and bridges."
            )
        )

        self.illustration = SvgImage(
            builtin_asset("images/half-kneeling-hip-flexor-stretch.svg"),
            alt=self.tr("Half-kneeling hip flexor stretch: the front of the back hip lengthens"),
        )
        self.illustration.setFixedSize(ILLUSTRATION_WIDTH, ILLUSTRATION_WIDTH // 2)
        self._column.addWidget(self.illustration)

        self._heading(self.tr("How progress usually goes"))
        self._paragraph(
            self.tr(
                "Start at a level that feels manageable. When the current routine feels comfortable for a week or two, make one thing a little harder: a few more reps, a longer hold, or the next exercise in a progression. Many people notice easier stairs and steadier walking within a few weeks; strength keeps building for months."
            )
        )

        self._heading(self.tr("When to see a clinician"))
        self._paragraph(
            self.tr(
                "Exercise suits most people, and a physiotherapist or doctor can tailor it to you. Check in with one if:"
            )
        )
        self._list(
            [
                self.tr(
                    "you feel sharp pain, or pain that keeps getting worse during or after exercise;"
                ),
                self.tr(
                    "your pain rises by 2 or more points during a session, or is not back to your usual level by the next morning;"
                ),
                self.tr("pain wakes you at night, or you feel generally unwell with it;"),
                self.tr("you notice new numbness, tingling or weakness in a leg;"),
                self.tr("the pain started after a fall or accident;"),
                self.tr(
                    "you are not sure which exercises suit you, or nothing has changed after a few weeks."
                ),
            ]
        )
        self._paragraph(
            self.tr(
                "Contact a doctor straight away if you notice numbness around the groin or buttocks, or changes in bladder or bowel control."
            )
        )

        self._heading(self.tr("References"))
        self._references()
        self._column.addStretch(1)
        return page

    # --- building blocks -------------------------------------------------------------------

    def _heading(self, text: str) -> None:
        self._column.addSpacing(12)
        label = ScaledLabel(text, factor=1.35, bold=True, role="heading")
        self._column.addWidget(label)

    def _paragraph(self, text: str, *, lead: bool = False) -> ScaledLabel:
        label = ScaledLabel(text, factor=BODY_FACTOR * (1.08 if lead else 1.0))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._column.addWidget(label)
        return label

    def _point(self, name: str, text: str) -> None:
        box = QFrame()
        set_role(box, "card")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(4)
        layout.addWidget(ScaledLabel(name, factor=BODY_FACTOR * 1.08, bold=True))
        layout.addWidget(ScaledLabel(text, factor=BODY_FACTOR))
        self._column.addWidget(box)

    def _myth(self, myth: str, evidence: str) -> None:
        box = QFrame()
        set_role(box, "card")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(6)
        myth_label = ScaledLabel(
            self.tr("Myth: {text}").format(text=myth), factor=BODY_FACTOR, bold=True
        )
        myth_label.setProperty("myth", True)
        layout.addWidget(myth_label)
        evidence_label = ScaledLabel(
            self.tr("What the evidence says: {text}").format(text=evidence), factor=BODY_FACTOR
        )
        evidence_label.setProperty("myth", True)
        layout.addWidget(evidence_label)
        self._column.addWidget(box)

    def _list(self, items: list[str]) -> None:
        body = "".join(f"<li style='margin-bottom:6px'>{html.escape(t)}</li>" for t in items)
        label = ScaledLabel(
            f"<ul style='-qt-list-indent:1'>{body}</ul>", factor=BODY_FACTOR, rich=True
        )
        label.setAccessibleName(" ".join(items))
        self._column.addWidget(label)

    def _references(self) -> None:
        self.references_label = reference_list(REFERENCES, self.tr("References"))
        self._column.addWidget(self.references_label)

    # --- text for tests and screen readers -------------------------------------------------

    def texts(self, *, myths: bool | None = None) -> list[str]:
        """Every text on the page as plain text; ``myths`` True/False keeps only/excludes them."""
        out: list[str] = []
        for label in self.findChildren(QLabel):
            is_myth = bool(label.property("myth"))
            if myths is not None and is_myth != myths:
                continue
            if label.textFormat() == Qt.TextFormat.RichText:
                doc = QTextDocument()
                doc.setHtml(label.text())
                out.append(doc.toPlainText())
            else:
                out.append(label.text())
        return out

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
