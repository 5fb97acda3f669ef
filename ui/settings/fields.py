"""Form rows with their own message: a label, the field and, below it, what is wrong with it."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (QAbstractButton, QComboBox, QFormLayout, QLabel, QLayout, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

logger = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020;"


class FieldForm(QFormLayout):
    """A QFormLayout whose rows each have a message line, shown only while the field is wrong."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}

    def add(self, key: str, label: str, field: QWidget | QLayout, tip: str = "") -> QLabel:
        """Add a row named ``key``; ``tip`` (the technical term, an example) on label and field."""
        caption = QLabel(label)
        caption.setToolTip(tip)
        if isinstance(field, QWidget):
            field.setToolTip(field.toolTip() or tip)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(field) if isinstance(field, QWidget) else box.addLayout(field)
        box.addWidget(error)
        self.addRow(caption, box)
        self.errors[key], self.labels[key] = error, caption
        return error

    def add_rows(self, *rows: tuple[str, str, QWidget | QLayout, str]) -> FieldForm:
        """``add`` for each (key, label, field, tip); returns the form."""
        for row in rows:
            self.add(*row)
        return self

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show each field's message (from clipper.workspace.fields) and hide the others."""
        for key, error in self.errors.items():
            message = problems.get(key)
            error.setText(message or "")
            error.setVisible(bool(message))


def connect_edits(slot, *widgets: QWidget) -> None:
    """Call ``slot`` on every edit of each widget: typed text, a choice, a tick or a number."""
    for widget in widgets:
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.textChanged.connect(slot)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(slot)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(slot)
        else:
            widget.valueChanged.connect(slot)


def kept_value(spin, original):
    """A spin box's value, or the ``original`` it was given when the box only shows that rounded
    (a delay of 0.125 shown as 0.13 is written back as 0.125 when nobody changed it)."""
    value = spin.value()
    half_step = 0.5 * 10 ** -spin.decimals() + 1e-9  # Qt rounds half away from zero, Python to even
    if isinstance(original, (int, float)) and abs(float(original) - value) <= half_step:
        return original
    return value


def lines_of(edit: QPlainTextEdit) -> list[str]:
    """The non-blank lines of a one-item-per-line field, stripped."""
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]
