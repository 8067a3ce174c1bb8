"""A routine as a printable handout: a PDF a clinician can give to the person doing it.

The page is built as HTML in a ``QTextDocument`` and painted page by page onto a
``QPdfWriter``, so every word is real, selectable text. Illustrations are the routine's SVGs
drawn by ``QSvgRenderer`` into images at print resolution. An exercise's card (its picture,
numbers and instructions) is never split across two pages: a card that would straddle a page
break starts on the next page, and takes the heading above it along. Each page has a footer
with the page number and "Made with Glute Coach".

Needs a running ``QGuiApplication`` (fonts come from it); works on the offscreen platform.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)
from PySide6.QtSvg import QSvgRenderer

from glute_coach.core.atomic import replace_atomically
from glute_coach.core.loading import LoadedRoutine
from glute_coach.core.routine import (
    CalibrationStep,
    ExerciseStep,
    InfoStep,
    RepeatStep,
    RestStep,
    Routine,
    Sides,
    Step,
)
from glute_coach.storage.settings import Theme
from glute_coach.ui import theme
from glute_coach.ui.detail_view import step_detail, step_name
from glute_coach.ui.widgets import about_minutes_text, citation_html, level_text, seconds_text

PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "A5": QPageSize.PageSizeId.A5,
    "LETTER": QPageSize.PageSizeId.Letter,
    "LEGAL": QPageSize.PageSizeId.Legal,
}
DPI = 300
CSS_DPI = 96  # HTML widths are CSS pixels; Qt scales them to the writer's resolution
MARGINS_MM = QMarginsF(18, 16, 18, 20)  # left, top, right, bottom (the footer sits in it)
FOOTER_FROM_BOTTOM_MM = 9.0
BODY_PT = 10.0
IMAGE_CSS_WIDTH = 270  # about 71 mm: big enough to read, leaves room for the instructions
MAX_SVG_BYTES = 2 * 1024 * 1024

_COLORS = theme.palette_for(Theme.LIGHT)
INK = _COLORS.text
MUTED = _COLORS.muted_text
ACCENT = _COLORS.accent
RULE = "#c3c8d0"
_CELL = f"border-width:0.75px; border-style:solid; border-color:{RULE};"


# --- building the HTML -------------------------------------------------------------------------


@dataclass
class _Builder:
    loaded: LoadedRoutine
    images: dict[str, QImage] = field(default_factory=dict)
    number: int = 0

    @property
    def routine(self) -> Routine:
        return self.loaded.routine

    def image(self, ref: str | None) -> str:
        """An ``<img>`` of the illustration ``ref`` names, or "" when there is none to show."""
        if not ref:
            return ""
        try:
            path = self.loaded.resolve_asset(ref)
        except ValueError:
            return ""
        picture = render_svg(path, IMAGE_CSS_WIDTH * DPI / CSS_DPI)
        if picture is None:
            return ""
        name = f"handout-image:{len(self.images)}"
        self.images[name] = picture
        height = IMAGE_CSS_WIDTH * picture.height() / picture.width()
        return f"<img src='{name}' width='{IMAGE_CSS_WIDTH}' height='{height:.0f}'>"

    # sections

    def head(self, client: str | None) -> str:
        r = self.routine
        out = [f"<h1>{html.escape(r.title)}</h1>"]
        date = QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
        if client:
            prepared = QCoreApplication.translate(
                "Handout", "Prepared for {client} on {date}"
            ).format(client=html.escape(client), date=html.escape(date))
        else:
            prepared = QCoreApplication.translate("Handout", "Printed on {date}").format(
                date=html.escape(date)
            )
        out.append(f"<p class='muted'>{prepared}</p>")
        out.append(f"<p class='summary'>{html.escape(r.summary)}</p>")
        facts: list[tuple[str, str, str]] = [
            (QCoreApplication.translate("Handout", "Level"), level_text(r.level), ""),
            (
                QCoreApplication.translate("Handout", "Total time"),
                about_minutes_text(self.loaded.timeline.total_s),
                "",
            ),
        ]
        if r.frequency is not None:
            times = r.frequency.times_per_week
            often = (
                QCoreApplication.translate("Handout", "Once a week")
                if times == 1
                else QCoreApplication.translate("Handout", "{n} times a week").format(n=times)
            )
            facts.append(
                (QCoreApplication.translate("Handout", "How often"), often, r.frequency.note or "")
            )
        cells = "".join(
            f"<td width='{100 // len(facts)}%' valign='top'>"
            f"<p class='caption'>{html.escape(name)}</p>"
            f"<p class='fact'>{html.escape(value)}</p>"
            + (f"<p class='muted'>{html.escape(note)}</p>" if note else "")
            + "</td>"
            for name, value, note in facts
        )
        facts_row = f"<table width='100%' cellspacing='0' cellpadding='0'><tr>{cells}</tr></table>"
        out.append(
            "<table class='facts' width='100%' cellspacing='0' cellpadding='8'"
            " style='border-collapse:collapse; margin-top:4px'>"
            f"<tr><td style='{_CELL}'>{facts_row}</td></tr></table>"
        )
        equipment = list(r.equipment) or [
            QCoreApplication.translate("Handout", "No equipment needed")
        ]
        out.append(
            f"<p class='need'><b>{html.escape(QCoreApplication.translate('Handout', 'What you need:'))}</b> "
            f"{html.escape(', '.join(equipment))}</p>"
        )
        out.append(
            f"<p class='muted'>{html.escape(QCoreApplication.translate('Handout', 'Please read the safety notes at the end before you start. Go at your own pace: steady, regular practice is what helps most.'))}</p>"
        )
        return "".join(out)

    def steps(self, steps: list[Step]) -> str:
        return "".join(self.step(step) for step in steps)

    def step(self, step: Step) -> str:
        if isinstance(step, RepeatStep):
            return self.repeat(step)
        if isinstance(step, RestStep):
            line = QCoreApplication.translate("Handout", "{label}: {t}").format(
                label=step.label, t=seconds_text(step.duration_s)
            )
            note = QCoreApplication.translate("Handout", "breathe and relax")
            return f"<p class='rest'>{html.escape(line)} · {html.escape(note)}</p>"
        return self.card(step)

    def repeat(self, step: RepeatStep) -> str:
        name = step.label or QCoreApplication.translate("Handout", "Repeat")
        count = len(step.steps)
        what = (
            QCoreApplication.translate("Handout", "do the next step {n} times in all")
            if count == 1
            else QCoreApplication.translate(
                "Handout", "do the next {count} steps in order, {n} rounds in all"
            )
        ).format(n=step.times, count=count)
        line = f"<b>{html.escape(name)}</b>: {html.escape(what)}"
        if step.rest_between_s > 0:
            rest = QCoreApplication.translate("Handout", "{t} rest between rounds").format(
                t=seconds_text(step.rest_between_s)
            )
            line += f", {html.escape(rest)}"
        return f"<h3>{line}.</h3>" + self.steps(list(step.steps))

    def card(self, step: ExerciseStep | InfoStep | CalibrationStep) -> str:
        text: list[str] = []
        if isinstance(step, InfoStep):
            text.append(f"<p class='stepname'>{html.escape(step.title)}</p>")
            text += [f"<p class='para'>{html.escape(line)}</p>" for line in step.text]
        else:
            self.number += 1
            name = f"{self.number}. {step_name(step)}"
            text.append(f"<p class='stepname'>{html.escape(name)}</p>")
            text.append(f"<p class='detail'>{html.escape(step_detail(step))}</p>")
            rest = rest_text(step, self.routine) if isinstance(step, ExerciseStep) else ""
            if rest:
                text.append(f"<p class='muted'>{html.escape(rest)}</p>")
            if step.instructions:
                items = "".join(f"<li>{html.escape(line)}</li>" for line in step.instructions)
                text.append(f"<ol>{items}</ol>")
        picture = self.image(step.image)
        body = "".join(text)
        shade = " bgcolor='#f4f6f8'" if isinstance(step, InfoStep) else ""
        if picture:  # side by side inside the card's one bordered cell
            body = (
                "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
                f"<td width='{IMAGE_CSS_WIDTH + 14}' valign='top'>{picture}</td>"
                f"<td valign='top'>{body}</td></tr></table>"
            )
        return (
            "<table class='card' width='100%' cellspacing='0' cellpadding='8'"
            " style='border-collapse:collapse; margin-top:8px; margin-bottom:4px'>"
            f"<tr><td valign='top'{shade} style='{_CELL}'>{body}</td></tr></table>"
        )

    def safety(self) -> str:
        notes = list(self.routine.safety_notes) or [
            QCoreApplication.translate(
                "Handout", "Move within what feels comfortable, and stop if something feels wrong."
            )
        ]
        items = "".join(f"<li>{html.escape(note)}</li>" for note in notes)
        return f"<h2>{html.escape(QCoreApplication.translate('Handout', 'Safety notes'))}</h2><ul>{items}</ul>"

    def references(self) -> str:
        refs = self.routine.references
        if not refs:
            return ""
        items = [f"<li>{citation_html(ref)}</li>" for ref in refs]
        return f"<h2>{html.escape(QCoreApplication.translate('Handout', 'References'))}</h2><ol class='refs'>{''.join(items)}</ol>"


def rest_text(step: ExerciseStep, routine: Routine) -> str:
    """The rests the session keeps inside an exercise: "Rest: 30 s between sets · …"."""
    d = routine.defaults
    parts: list[str] = []
    if step.sets > 1:
        s = d.rest_between_sets_s if step.rest_between_sets_s is None else step.rest_between_sets_s
        if s > 0:
            parts.append(
                QCoreApplication.translate("Handout", "{t} between sets").format(t=seconds_text(s))
            )
    if (step.reps or 1) > 1:
        if step.rest_between_reps_s is not None:
            s = step.rest_between_reps_s
        else:
            s = d.rest_between_reps_s if step.hold_s is not None else 0
        if s > 0:
            parts.append(
                QCoreApplication.translate("Handout", "{t} between reps").format(t=seconds_text(s))
            )
    if step.sides is Sides.EACH:
        s = d.switch_sides_s if step.switch_sides_s is None else step.switch_sides_s
        between = (
            d.rest_between_sides_s
            if step.rest_between_sides_s is None
            else (step.rest_between_sides_s)
        )
        if s + between > 0:
            parts.append(
                QCoreApplication.translate("Handout", "{t} to switch sides").format(
                    t=seconds_text(s + between)
                )
            )
    if not parts:
        return ""
    return QCoreApplication.translate("Handout", "Rest: {parts}").format(parts=" · ".join(parts))


def render_svg(path: Path, width_px: float) -> QImage | None:
    """An SVG drawn at ``width_px`` wide (aspect kept) on white, in the light theme's ink."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_SVG_BYTES:
            return None
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    renderer = QSvgRenderer(theme.svg_with_color(text, _COLORS))
    if not renderer.isValid():
        return None
    box = renderer.viewBoxF()
    aspect = box.height() / box.width() if box.width() > 0 and box.height() > 0 else 0.5
    width = max(1, round(width_px))
    image = QImage(width, max(1, round(width * aspect)), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


def _stylesheet() -> str:
    return f"""
    body {{ color: {INK}; }}
    h1 {{ font-size: 21pt; font-weight: bold; color: {INK}; margin-top: 0; margin-bottom: 2px; }}
    h2 {{ font-size: 14pt; font-weight: bold; color: {ACCENT}; margin-top: 18px;
          margin-bottom: 6px; }}
    h3 {{ font-size: {BODY_PT + 0.5}pt; font-weight: normal; color: {INK}; margin-top: 14px;
          margin-bottom: 2px; }}
    p {{ margin-top: 0; margin-bottom: 4px; }}
    p.summary {{ font-size: {BODY_PT + 1}pt; margin-top: 8px; margin-bottom: 10px; }}
    p.caption {{ color: {MUTED}; font-size: {BODY_PT - 1}pt; margin-bottom: 1px; }}
    p.fact {{ font-size: {BODY_PT + 2.5}pt; font-weight: bold; margin-bottom: 2px; }}
    p.muted {{ color: {MUTED}; }}
    p.need {{ margin-top: 10px; margin-bottom: 6px; }}
    p.stepname {{ font-size: {BODY_PT + 2}pt; font-weight: bold; margin-bottom: 3px; }}
    p.detail {{ font-weight: bold; color: {ACCENT}; margin-bottom: 3px; }}
    p.para {{ margin-bottom: 5px; }}
    p.rest {{ color: {MUTED}; margin-top: 6px; margin-bottom: 2px; }}
    ol, ul {{ margin-top: 4px; margin-bottom: 0; -qt-list-indent: 1; }}
    li {{ margin-bottom: 2px; }}
    ol.refs li {{ margin-bottom: 4px; }}
    a {{ color: {ACCENT}; text-decoration: none; }}
    """


def handout_html(
    loaded: LoadedRoutine, *, client: str | None = None
) -> tuple[str, dict[str, QImage]]:
    """The handout's HTML and the images it refers to (by their ``src`` names)."""
    builder = _Builder(loaded)
    parts = [
        builder.head(client),
        f"<h2>{html.escape(QCoreApplication.translate('Handout', 'Your exercises'))}</h2>",
        builder.steps(list(loaded.routine.steps)),
        builder.safety(),
        builder.references(),
    ]
    return "<html><body>" + "".join(parts) + "</body></html>", builder.images


# --- pages -------------------------------------------------------------------------------------


def _break_before(block: QTextBlock) -> None:
    cursor = QTextCursor(block)
    block_format = block.blockFormat()
    block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(block_format)


def _outer_table(table: QTextTable | None, doc: QTextDocument) -> QTextTable | None:
    """The table at the top level of the page that holds ``table`` (cards nest tables)."""
    root = doc.rootFrame()
    frame: QTextFrame | None = table
    while frame is not None and frame.parentFrame() is not None and frame.parentFrame() != root:
        frame = frame.parentFrame()
    return frame if isinstance(frame, QTextTable) else table


def _straddles(top: float, bottom: float, page_h: float) -> bool:
    return int(top // page_h) != int((bottom - 1) // page_h) and bottom - top < page_h * 0.9


def _fix_one_break(doc: QTextDocument) -> bool:
    """Move the first card that straddles a page break, or heading left alone at a page's foot.

    Returns whether something moved (everything after it did too: measure again).
    """
    page_h = doc.pageSize().height()
    layout = doc.documentLayout()
    block = doc.rootFrame().firstCursorPosition().block()
    while block.isValid():
        table = _outer_table(QTextCursor(block).currentTable(), doc)
        if table is not None:
            rect = layout.frameBoundingRect(table)
            if _straddles(rect.top(), rect.bottom(), page_h):
                before = doc.findBlock(table.firstPosition() - 1)
                heading = before if before.blockFormat().headingLevel() > 0 else None
                if heading is not None and heading.blockFormat().pageBreakPolicy() == (
                    QTextFormat.PageBreakFlag.PageBreak_Auto
                ):
                    _break_before(heading)
                else:
                    table_format = table.format()
                    table_format.setPageBreakPolicy(
                        QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
                    )
                    table.setFormat(table_format)
                return True
            block = doc.findBlock(table.lastPosition() + 1)
            continue
        nxt = block.next()
        if block.blockFormat().headingLevel() > 0 and nxt.isValid():
            here = layout.blockBoundingRect(block)
            if QTextCursor(nxt).currentTable() is None:
                after = layout.blockBoundingRect(nxt)
                if int(here.top() // page_h) != int(after.bottom() // page_h) and (
                    block.blockFormat().pageBreakPolicy()
                    == QTextFormat.PageBreakFlag.PageBreak_Auto
                ):
                    _break_before(block)
                    return True
        block = nxt
    return False


def _keep_together(doc: QTextDocument, *, rounds: int = 200) -> None:
    """Cards whole on one page; headings on the page of what they head."""
    for _ in range(rounds):
        if not _fix_one_break(doc):
            return


def _page_size(page_size: str) -> QPageSize:
    key = page_size.strip().upper()
    if key not in PAGE_SIZES:
        raise ValueError(
            f"unknown page size {page_size!r}; use one of: {', '.join(sorted(PAGE_SIZES))}"
        )
    return QPageSize(PAGE_SIZES[key])


def _print_font(points: float) -> QFont:
    """The app's font at ``points``, without ligatures: "fl" in a PDF must copy and search
    as the two letters f and l, not as the single character "ﬂ"."""
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(points)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _footer(painter: QPainter, rect: QRectF, left: str, right: str) -> None:
    font = _print_font(8.5)
    painter.setFont(font)
    painter.setPen(QColor(MUTED))
    metrics = QFontMetricsF(font, painter.device())
    right_w = metrics.horizontalAdvance(right)
    left = metrics.elidedText(left, Qt.TextElideMode.ElideRight, rect.width() - right_w - 40)
    flags = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(rect, flags | Qt.AlignmentFlag.AlignLeft, left)
    painter.drawText(rect, flags | Qt.AlignmentFlag.AlignRight, right)
    pen = painter.pen()
    pen.setColor(QColor(RULE))
    pen.setWidthF(DPI / 200)
    painter.setPen(pen)
    painter.drawLine(rect.topLeft(), rect.topRight())


@dataclass(frozen=True)
class PageFrame:
    """Where a page's text goes and where its footer goes, in device pixels."""

    path: Path  # the file being written
    left: float
    top: float
    content: QSizeF
    footer: QRectF


def pdf_writer(path: Path, size: QPageSize, title: str) -> tuple[QPdfWriter, PageFrame]:
    """A portrait PDF at ``DPI`` with the app's margins, and where its text and footer go."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(title)
    writer.setCreator(QCoreApplication.translate("Handout", "Made with Glute Coach"))
    mm = DPI / 25.4
    full = writer.pageLayout().fullRectPixels(DPI)
    content = QSizeF(
        full.width() - (MARGINS_MM.left() + MARGINS_MM.right()) * mm,
        full.height() - (MARGINS_MM.top() + MARGINS_MM.bottom()) * mm,
    )
    footer = QRectF(
        MARGINS_MM.left() * mm,
        full.height() - FOOTER_FROM_BOTTOM_MM * mm - 4 * mm,
        content.width(),
        8 * mm,
    )
    return writer, PageFrame(path, MARGINS_MM.left() * mm, MARGINS_MM.top() * mm, content, footer)


def paint_pages(
    writer: QPdfWriter,
    doc: QTextDocument,
    frame: PageFrame,
    footer_left: str,
    page_label: Callable[[int, int], str],
) -> None:
    """Draw ``doc`` page by page (laid out at ``frame.content``), each with its footer:
    ``footer_left`` and ``page_label(n, total)``."""
    pages = max(1, doc.pageCount())
    height = frame.content.height()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {frame.path}")
    try:
        for page in range(pages):
            if page > 0:
                writer.newPage()
            painter.save()
            painter.translate(frame.left, frame.top - page * height)
            doc.drawContents(painter, QRectF(0, page * height, frame.content.width(), height))
            painter.restore()
            _footer(painter, frame.footer, footer_left, page_label(page + 1, pages))
    finally:
        painter.end()


def write_handout_pdf(
    loaded: LoadedRoutine,
    out: Path,
    *,
    client: str | None = None,
    page_size: str = "A4",
) -> Path:
    """Write ``loaded`` as a printable PDF to ``out`` (portrait ``page_size``); return ``out``.

    ``client`` names the person it is for, on the first page. The file is written beside
    ``out`` and renamed into place, so ``out`` is never left half-written.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("write_handout_pdf needs a QGuiApplication (fonts come from it)")
    size = _page_size(page_size)
    return replace_atomically(
        Path(out), lambda path: _write(loaded, path, client=client, size=size), shareable=True
    )


def handout_document(
    loaded: LoadedRoutine, device: QPdfWriter, page: QSizeF, *, client: str | None = None
) -> QTextDocument:
    """The handout laid out in pages of ``page`` (device pixels), cards kept whole."""
    html_text, images = handout_html(loaded, client=client)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(_print_font(BODY_PT))
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(_stylesheet())
    for name, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name), image)
    doc.setPageSize(page)
    doc.setHtml(html_text)
    _keep_together(doc)
    return doc


def _write(loaded: LoadedRoutine, path: Path, *, client: str | None, size: QPageSize) -> None:
    title = loaded.routine.title
    writer, frame = pdf_writer(path, size, title)
    doc = handout_document(loaded, writer, frame.content, client=client)
    paint_pages(
        writer,
        doc,
        frame,
        QCoreApplication.translate("Handout", "{title} · Made with Glute Coach").format(
            title=title
        ),
        lambda n, total: QCoreApplication.translate("Handout", "Page {n} of {total}").format(
            n=n, total=total
        ),
    )


__all__ = ["handout_document", "handout_html", "render_svg", "rest_text", "write_handout_pdf"]
