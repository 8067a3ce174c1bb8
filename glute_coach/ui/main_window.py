"""The main window: one stack of pages, wired to each other only here.

Pages never reach into each other; they emit signals and this window decides what comes next.
The session page is built when a session starts (its audio and numeric libraries are loaded
then, not at start-up).
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStackedWidget, QWidget

from glute_coach.core.clock import Clock
from glute_coach.core.loading import LoadedRoutine
from glute_coach.storage.settings import Settings, save_settings
from glute_coach.ui.detail_view import DetailView
from glute_coach.ui.library_view import LibraryView
from glute_coach.ui.screensaver import ScreenAwake
from glute_coach.ui.theme import apply_theme

if TYPE_CHECKING:
    from glute_coach.sensors.profile import SensorProfile
    from glute_coach.storage.sessions import SessionSummary
    from glute_coach.ui.biofeedback_controller import BiofeedbackController
    from glute_coach.ui.clinic.console import TherapistConsole
    from glute_coach.ui.clinic.presenter import ClientWindow, Presenter
    from glute_coach.ui.player_view import PlayerView
    from glute_coach.ui.session_controller import SessionController


class MainWindow(QMainWindow):
    session_started = Signal(object)  # SessionController, for tests and later biofeedback panels
    settings_applied = Signal(object)  # Settings, after any change (reminders follow it)

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock | None = None,
        persist_settings: bool = True,
        sensor: str | None = None,
        clinic: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        # Clinic mode: the client's player in its own window (a second screen when there is
        # one), a therapist console here, and quick edits for the client before starting.
        self.clinic = clinic
        self._client: ClientWindow | None = None
        self._presenter: Presenter | None = None
        self._console: TherapistConsole | None = None
        # The sensor for sessions: a saved profile's name or a spec (--sensor beats the setting).
        self.sensor: str | None = sensor or settings.sensor
        self._biofeedback: BiofeedbackController | None = None
        self._clock = clock  # tests inject a ManualClock (and so silent audio)
        self._persist = persist_settings
        self._controller: SessionController | None = None
        self._awake = ScreenAwake()
        self.setWindowTitle(self.tr("Glute Coach"))
        self.setMinimumSize(960, 600)

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.library = LibraryView(self)
        self.detail = DetailView(self, exports=True, clinic=clinic)
        self.pages.addWidget(self.library)
        self.pages.addWidget(self.detail)
        self._lazy_pages: dict[str, QWidget] = {}

        self.library.routine_opened.connect(self.open_routine)
        self.library.education_requested.connect(self.show_education)
        self.library.settings_requested.connect(self.show_settings)
        self.library.sensor_requested.connect(self.show_sensor_setup)
        self.library.history_requested.connect(self.show_history)
        self.library.show_sensor(self.sensor)
        self.detail.back_requested.connect(self.show_library)
        self.detail.start_requested.connect(self.start_session)
        self.detail.handout_requested.connect(self.save_handout)
        self.detail.share_requested.connect(self.save_package)
        self.detail.adjust_requested.connect(self.adjust_for_client)
        self.detail.progression_banner.saved.connect(self._progression_saved)
        self.detail.progression_banner.accepted.connect(self._progression_accepted)

        quit_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), self)
        quit_shortcut.activated.connect(self.close)
        self.show_library()

    # --- navigation ---------------------------------------------------------------------------

    def show_library(self) -> None:
        self.pages.setCurrentWidget(self.library)
        self.library.setFocus()

    def open_routine(self, loaded: LoadedRoutine) -> None:
        self.detail.show_routine(loaded)
        self._suggest_progression(loaded)
        self.pages.setCurrentWidget(self.detail)

    def _suggest_progression(self, loaded: LoadedRoutine) -> None:
        """Offer a step up when the routine's rules say the person is ready (never applied
        without their yes)."""
        if loaded.routine.progression is None:
            return
        from glute_coach.core.progression import suggest
        from glute_coach.storage.history import HistoryError, HistoryStore
        from glute_coach.ui.progression_banner import session_facts

        try:
            with HistoryStore.open() as store:
                summaries = [s.summary for s in store.sessions(routine_id=loaded.routine.id)]
        except (HistoryError, OSError):
            return  # no history to go on: no suggestion
        suggestion = suggest(loaded.routine, session_facts(summaries))
        if suggestion is None:
            return
        next_title = None
        if suggestion.next_routine is not None:
            from glute_coach.storage.library import find_routine

            path = find_routine(suggestion.next_routine)
            next_loaded = self.library.loaded_for(path) if path is not None else None
            next_title = next_loaded.routine.title if next_loaded is not None else None
        self.detail.progression_banner.show_suggestion(
            suggestion, assets_from=loaded.path.parent, next_title=next_title
        )

    def _progression_accepted(self, suggestion: object) -> None:
        """A suggestion of a harder routine (no saved copy): open that routine."""
        from glute_coach.core.progression import Suggestion
        from glute_coach.storage.library import find_routine

        if not isinstance(suggestion, Suggestion) or suggestion.progressed is not None:
            return
        path = find_routine(suggestion.next_routine) if suggestion.next_routine else None
        if path is not None:
            self.open_path(path)

    def _progression_saved(self, path: Path) -> None:
        self.library.refresh()
        self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open a routine file given on the command line or by the file manager."""
        if not self.library.add_file(path):
            return False
        loaded = self.library.loaded_for(path)
        if loaded is not None:
            self.open_routine(loaded)
        return loaded is not None

    def show_education(self) -> None:
        page = self._page("education")
        self.pages.setCurrentWidget(page)

    def show_settings(self) -> None:
        page = self._page("settings")
        self.pages.setCurrentWidget(page)

    def show_history(self) -> None:
        page = self._page("history")
        page.refresh()  # type: ignore[attr-defined]  # reads the store again each time
        self.pages.setCurrentWidget(page)

    def save_report(self) -> None:
        from glute_coach.storage.history import HistoryStore
        from glute_coach.ui.report import save_report

        save_report(self, HistoryStore.open)

    def export_csv(self) -> None:
        from glute_coach.ui.exports import save_history_csv

        save_history_csv(self)

    def _page(self, name: str) -> QWidget:
        if name not in self._lazy_pages:
            page: QWidget
            if name == "education":
                from glute_coach.ui.education_view import EducationView

                education = EducationView(self)
                education.back_requested.connect(self.show_library)
                page = education
            elif name == "settings":
                from glute_coach.ui.settings_view import SettingsView

                settings_view = SettingsView(self.settings, self)
                settings_view.settings_changed.connect(self.apply_settings)
                settings_view.back_requested.connect(self.show_library)
                settings_view.sensor_requested.connect(self.show_sensor_setup)
                page = settings_view
            elif name == "history":
                from glute_coach.ui.history_view import HistoryView

                history = HistoryView(parent=self)
                history.back_requested.connect(self.show_library)
                history.report_requested.connect(self.save_report)
                history.export_requested.connect(self.export_csv)
                page = history
            else:
                from glute_coach.ui.finish_view import FinishView

                finish = FinishView(self)
                finish.done.connect(self.show_library)
                page = finish
            self._lazy_pages[name] = page
            self.pages.addWidget(page)
        return self._lazy_pages[name]

    # --- clinic: quick edits ---------------------------------------------------------------------

    def adjust_for_client(self, loaded: LoadedRoutine) -> None:
        from glute_coach.ui.clinic.edit_page import ClinicEditPage

        old = self._lazy_pages.pop("adjust", None)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        page = ClinicEditPage(loaded, self)
        page.back_requested.connect(lambda: self.pages.setCurrentWidget(self.detail))
        page.start_requested.connect(
            lambda edited: self.start_session(edited, self.detail.pain_value())
        )
        page.editor.saved.connect(lambda _path: self.library.refresh())
        self._lazy_pages["adjust"] = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)

    # --- handouts -----------------------------------------------------------------------------

    def save_handout(self, loaded: LoadedRoutine) -> None:
        from glute_coach.ui.exports import save_handout

        save_handout(self, loaded)

    def save_package(self, loaded: LoadedRoutine) -> None:
        from glute_coach.ui.exports import save_package

        save_package(self, loaded)

    # --- the sensor ---------------------------------------------------------------------------

    @staticmethod
    def profiles_dir() -> Path:
        from glute_coach.sensors.profile import PROFILES_DIR
        from glute_coach.storage.paths import user_config_dir

        return user_config_dir() / PROFILES_DIR

    def show_sensor_setup(self) -> None:
        """The sensor setup dialog; the profile saved (or chosen) there is used from now on."""
        from glute_coach.sensors.profile import find_profile
        from glute_coach.ui.sensor_setup import SensorSetupDialog

        current = find_profile(self.profiles_dir(), self.sensor) if self.sensor else None
        dialog = SensorSetupDialog(self.profiles_dir(), self, initial=current)
        dialog.profile_saved.connect(lambda profile: self.use_sensor(profile.name))
        dialog.exec()
        chosen = dialog.profile()
        dialog.close()
        dialog.deleteLater()
        # The profile on show when the dialog closes is used, once it has been saved.
        if chosen is not None and find_profile(self.profiles_dir(), chosen.name) is not None:
            self.use_sensor(chosen.name)

    def use_sensor(self, name: str | None) -> None:
        """Use this sensor (a profile name or a spec; None: none) for the next sessions."""
        self.sensor = name
        self.library.show_sensor(name)
        if self.settings.sensor != name:
            self.apply_settings(self.settings.model_copy(update={"sensor": name}))

    def _open_sensor(self) -> tuple[str, SensorProfile | None] | None:
        """The configured sensor's spec and profile, or None (told to the user) if unusable."""
        if not self.sensor:
            return None
        from glute_coach.sensors.profile import resolve_sensor

        try:
            return resolve_sensor(self.sensor, self.profiles_dir())
        except ValueError as exc:
            QMessageBox.warning(
                self,
                self.tr("Sensor not used"),
                self.tr(
                    "The sensor “{0}” cannot be used, so this session runs without it:\n{1}"
                ).format(self.sensor, exc),
            )
            return None

    def _attach_sensor(
        self,
        controller: SessionController,
        player: PlayerView,
        spec: str,
        profile: SensorProfile | None,
    ) -> None:
        from glute_coach.sensors.session import SensorSession
        from glute_coach.storage.paths import user_recordings_dir
        from glute_coach.ui.biofeedback_controller import BiofeedbackController
        from glute_coach.ui.biofeedback_panel import BiofeedbackPanel

        record_dir = user_recordings_dir() if self.settings.record_sensor else None
        # A test's fake clock drives the simulated and file sources too (time.monotonic otherwise).
        clock = self._clock.now if self._clock is not None else time.monotonic
        try:
            sensor = SensorSession(
                spec, record_dir=record_dir, routine_id=controller.loaded.routine.id, clock=clock
            )
        except Exception as exc:  # e.g. a recording file that is not there
            QMessageBox.warning(
                self,
                self.tr("Sensor not used"),
                self.tr(
                    "The sensor cannot be opened, so this session runs without it:\n{0}"
                ).format(exc),
            )
            return
        biofeedback = BiofeedbackController(
            sensor, controller, self.settings, profile=profile, clock=clock, parent=self
        )
        panel = BiofeedbackPanel(biofeedback, self.settings, player)
        panel.settings_changed.connect(self.apply_settings)
        player.set_biofeedback(panel)
        self._biofeedback = biofeedback

    @property
    def biofeedback(self) -> BiofeedbackController | None:
        return self._biofeedback

    # --- settings -----------------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        if settings.sensor != self.settings.sensor:  # chosen or cleared on the settings page
            self.sensor = settings.sensor
            self.library.show_sensor(settings.sensor)
        # Restyling the whole app is slow and resets every widget: only when the look changed.
        restyle = (settings.theme, settings.font_scale) != (
            self.settings.theme,
            self.settings.font_scale,
        )
        self.settings = settings
        if self._biofeedback is not None:
            self._biofeedback.set_settings(settings)
        page = self._lazy_pages.get("settings")
        if page is not None and self.pages.currentWidget() is not page:
            page.set_settings(settings)  # type: ignore[attr-defined]  # changed elsewhere
        app = QApplication.instance()
        if restyle and isinstance(app, QApplication):
            apply_theme(app, settings.theme, settings.font_scale)
        self.settings_applied.emit(settings)
        if self._persist:
            try:
                save_settings(settings)
            except OSError as exc:
                QMessageBox.warning(
                    self,
                    self.tr("Settings not saved"),
                    self.tr("Your settings could not be saved: {0}").format(exc.strerror or exc),
                )

    def show_notice(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    # --- sessions -----------------------------------------------------------------------------

    def start_session(self, loaded: LoadedRoutine, pain_before: int | None = None) -> None:
        from glute_coach.ui.player_view import PlayerView
        from glute_coach.ui.session_controller import SessionController

        self._end_session_page()
        sensor = self._open_sensor()
        if sensor is not None:
            loaded = loaded.with_calibration()
        loaded = loaded.with_countdown(self.settings.countdown_beeps)
        try:
            controller = SessionController(
                loaded,
                clock=self._clock,
                settings=self.settings,
                pain_before=pain_before,
                parent=self,
            )
        except ValueError as exc:  # a routine's own clip that cannot be played (ClipError)
            QMessageBox.warning(
                self,
                self.tr("Cannot start this routine"),
                self.tr("A sound in this routine cannot be played:\n{0}").format(exc),
            )
            return
        player = PlayerView(controller, self.settings, None if self.clinic else self)
        if sensor is not None:
            self._attach_sensor(controller, player, *sensor)
        controller.finished.connect(self._session_finished)
        self._controller = controller
        page: QWidget = player
        if self.clinic:
            page = self._present(controller, player)
        self._lazy_pages["player"] = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        page.setFocus()
        if self._presenter is not None:
            self._presenter.place()
        self._awake.inhibit(self.tr("A Glute Coach routine is running"))
        self.session_started.emit(controller)
        controller.start()

    def _present(self, controller: SessionController, player: PlayerView) -> QWidget:
        """Clinic mode: the player to the client's window, the console to this one."""
        from glute_coach.ui.clinic.console import TherapistConsole
        from glute_coach.ui.clinic.presenter import ClientWindow, Presenter

        console = TherapistConsole(controller, self._biofeedback, self.settings, self)
        console.settings_changed.connect(self.apply_settings)
        self._client = ClientWindow(player, beside=self)
        self._presenter = Presenter(self._client, parent=self)
        console.set_presenter(self._presenter)
        self._console = console
        return console

    def _session_finished(self, summary: SessionSummary) -> None:
        self._awake.release()
        if self._console is not None and self._console.notes().strip():
            summary = replace(summary, notes=self._console.notes().strip())
        if self._biofeedback is not None:
            metrics, recording = self._biofeedback.finish()
            summary = replace(
                summary,
                metrics=metrics,
                recording=str(recording) if recording is not None else None,
                sensor=self._biofeedback.name,
            )
        finish = self._page("finish")
        finish.show_summary(summary)  # type: ignore[attr-defined]
        self.pages.setCurrentWidget(finish)
        self._end_session_page()

    def _end_session_page(self) -> None:
        if self._biofeedback is not None:
            self._biofeedback.close()
            self._biofeedback.deleteLater()
            self._biofeedback = None
        if self._controller is not None:
            self._controller.close()
            self._controller.deleteLater()
            self._controller = None
        player = self._lazy_pages.pop("player", None)
        if player is not None:
            panel = getattr(player, "biofeedback", None)
            if panel is not None:
                panel.close_panel()
            self.pages.removeWidget(player)
            player.deleteLater()
        self._end_presenting()

    def _end_presenting(self) -> None:
        if self._console is not None:
            self._console.close_console()
            self._console = None
        if self._presenter is not None:
            self._presenter.close()
            self._presenter.deleteLater()
            self._presenter = None
        if self._client is not None:
            client_player = self._client.findChild(QWidget, "playerView")
            panel = getattr(client_player, "biofeedback", None)
            if panel is not None:
                panel.close_panel()
            self._client.dispose()
            self._client.deleteLater()
            self._client = None

    @property
    def controller(self) -> SessionController | None:
        return self._controller

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._controller is not None and self._controller.is_active():
            answer = QMessageBox.question(
                self,
                self.tr("Stop the routine?"),
                self.tr("A routine is running. Stop it and quit?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self._end_session_page()
        self._awake.release()
        event.accept()
