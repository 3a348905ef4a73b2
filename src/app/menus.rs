//! The menu bar, the find bar, the status line and the keyboard shortcuts.

use std::path::PathBuf;

use super::platform::read_clipboard;
use super::{Command, Export, Panel, ParallaxApp, Theme, theme};
use crate::report::ReportFormat;

impl ParallaxApp {
    /// Keyboard shortcuts, dropped files and pasted articles.
    pub(super) fn keys_ui(&mut self, ui: &egui::Ui, commands: &mut Vec<Command>) {
        let ctx = ui.ctx();
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::O)) {
            commands.push(Command::ChooseFiles);
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::E)) {
            commands.push(Command::ChooseExport(Export::Report(ReportFormat::Html)));
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            commands.push(Command::ShowFind(true));
        }
        if self.find.open
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            commands.push(Command::ShowFind(false));
        }
        // Files dropped on the window join the comparison.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            commands.push(Command::Open(dropped));
        }
        // Ctrl+V outside a text field pastes an article.
        if !ctx.egui_wants_keyboard_input() {
            let pasted = ctx.input(|i| {
                i.events.iter().find_map(|e| match e {
                    egui::Event::Paste(text) => Some(text.clone()),
                    _ => None,
                })
            });
            if let Some(text) = pasted {
                commands.push(read_clipboard(Some(text)));
            }
        }
    }

    pub(super) fn menu_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("Open…").shortcut_text(shortcut(ui, egui::Key::O)))
                    .clicked()
                {
                    commands.push(Command::ChooseFiles);
                }
                if ui
                    .add(
                        egui::Button::new("Paste article")
                            .shortcut_text(shortcut(ui, egui::Key::V)),
                    )
                    .clicked()
                {
                    commands.push(read_clipboard(None));
                }
                ui.menu_button("Recent", |ui| self.recent_ui(ui, commands));
                if ui.button("Sample articles").clicked() {
                    commands.push(Command::OpenSamples);
                }
                ui.separator();
                ui.menu_button("Export", |ui| {
                    ui.label(
                        egui::RichText::new(format!(
                            "{} opens this menu's first choice",
                            shortcut(ui, egui::Key::E)
                        ))
                        .color(theme::muted(ui.visuals().dark_mode)),
                    );
                    for export in Export::ALL {
                        if ui.button(export.name()).clicked() {
                            commands.push(Command::ChooseExport(export));
                        }
                    }
                    ui.separator();
                    let mut hide = self.settings.hide_folders;
                    if ui
                        .checkbox(&mut hide, "Leave folders out of file names")
                        .on_hover_text(
                            "Reports and saved comparisons name each article by its file \
                             name, not by where it sits on this computer",
                        )
                        .changed()
                    {
                        commands.push(Command::HideFolders(hide));
                    }
                });
                ui.separator();
                if ui.button("Close all").clicked() {
                    commands.push(Command::CloseAll);
                }
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| self.view_menu_ui(ui, commands));
            ui.menu_button("Help", |ui| {
                if ui.button("What the colours mean").clicked() {
                    commands.push(Command::ShowLegend(true));
                }
                if ui.button("Show the first view's explanation").clicked() {
                    commands.push(Command::OpenSamples);
                    commands.push(Command::ShowWelcome);
                }
            });
            ui.separator();
            if ui
                .button("Open…")
                .on_hover_text(format!("Open articles ({})", shortcut(ui, egui::Key::O)))
                .clicked()
            {
                commands.push(Command::ChooseFiles);
            }
            if ui
                .button("Paste")
                .on_hover_text("Add the article on the clipboard (Ctrl+V)")
                .clicked()
            {
                commands.push(read_clipboard(None));
            }
            if ui
                .button("Find")
                .on_hover_text("Find in every article (Ctrl+F)")
                .clicked()
            {
                commands.push(Command::ShowFind(true));
            }
            if self.is_busy() {
                ui.separator();
                ui.spinner();
                let files = self.inputs.len() + self.loading.len();
                ui.label(if self.loading.is_empty() {
                    format!("Comparing {files} articles…")
                } else {
                    format!("Reading and comparing {files} articles…")
                });
            }
        });
    }

    pub(super) fn recent_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if self.settings.recent.is_empty() {
            ui.label("No recent files");
        }
        for path in &self.settings.recent {
            let name = path
                .file_name()
                .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy());
            if ui
                .button(name.as_ref())
                .on_hover_text(path.to_string_lossy())
                .clicked()
            {
                commands.push(Command::Open(vec![path.clone()]));
            }
        }
        if !self.settings.recent.is_empty() {
            ui.separator();
            if ui.button("Clear recent files").clicked() {
                commands.push(Command::ClearRecent);
            }
        }
    }

    pub(super) fn view_menu_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let mut articles = self.settings.show_articles;
        if ui.checkbox(&mut articles, "Article list").changed() {
            commands.push(Command::ShowArticles(articles));
        }
        if !self.pinned.is_empty() && ui.button("Show every article (unpin all)").clicked() {
            commands.push(Command::UnpinAll);
        }
        if ui
            .add(egui::Button::new("Find…").shortcut_text(shortcut(ui, egui::Key::F)))
            .clicked()
        {
            commands.push(Command::ShowFind(true));
        }
        ui.separator();
        let mut show = self.settings.show_removed;
        if ui.checkbox(&mut show, "Show removed lines").changed() {
            commands.push(Command::ShowRemoved(show));
        }
        let mut sync = self.settings.sync_scroll;
        if ui.checkbox(&mut sync, "Scroll columns together").changed() {
            commands.push(Command::SyncScroll(sync));
        }
        ui.separator();
        ui.label("Side panel");
        let mut panel = self.settings.panel;
        ui.radio_value(&mut panel, None, "Hidden (more room for the columns)");
        for option in Panel::ALL {
            ui.radio_value(&mut panel, Some(option), option.name());
        }
        if panel != self.settings.panel {
            commands.push(Command::ShowPanel(panel));
        }
        ui.separator();
        ui.label("Theme");
        let mut theme = self.settings.theme;
        ui.radio_value(&mut theme, Theme::System, "As the system");
        ui.radio_value(&mut theme, Theme::Light, "Light");
        ui.radio_value(&mut theme, Theme::Dark, "Dark");
        if theme != self.settings.theme {
            commands.push(Command::SetTheme(theme));
        }
    }

    pub(super) fn find_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let label = ui.label("Find:");
            let mut query = self.find.query.clone();
            let field = ui.add(
                egui::TextEdit::singleline(&mut query)
                    .hint_text("words in any article")
                    .desired_width(260.0),
            );
            let field = field.labelled_by(label.id);
            if self.find.focus {
                field.request_focus();
                self.find.focus = false;
            }
            if field.changed() {
                commands.push(Command::Find(query));
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let back = ui.input(|i| i.modifiers.shift);
                commands.push(Command::FindNext(!back));
                field.request_focus();
            }
            if ui.button("Previous").clicked() {
                commands.push(Command::FindNext(false));
            }
            if ui.button("Next").clicked() {
                commands.push(Command::FindNext(true));
            }
            let total = self.find.matches.len();
            let articles = self.found.iter().filter(|f| !f.is_empty()).count();
            if !self.find.query.trim().is_empty() {
                ui.label(match (total, self.find.current) {
                    (0, _) => "No match".to_owned(),
                    (n, Some(k)) => format!("{} of {n} in {articles} articles", k + 1),
                    (n, None) => format!("{n} in {articles} articles"),
                });
            }
            if ui
                .button("Close")
                .on_hover_text("Close the find bar (Esc)")
                .clicked()
            {
                commands.push(Command::ShowFind(false));
            }
        });
    }

    pub(super) fn status_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(status) = &self.status {
                let text = egui::RichText::new(&status.text);
                ui.label(if status.error {
                    text.color(theme::error_text(ui.visuals().dark_mode))
                } else {
                    text
                });
                ui.separator();
            }
            let c = &self.comparison;
            ui.label(format!(
                "{} articles{} · {} shared quotes · {} shared facts · {} framing differences",
                c.documents.len(),
                if c.documents.len() >= 2 {
                    format!(" · {}", c.story.verdict.reader_words())
                } else {
                    String::new()
                },
                c.quote_groups.len(),
                c.sentence_groups.len(),
                c.framing.len()
            ));
        });
    }
}

/// How the shortcut Ctrl (Cmd on a Mac) plus `key` is written on this machine.
fn shortcut(ui: &egui::Ui, key: egui::Key) -> String {
    ui.ctx()
        .format_shortcut(&egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, key))
}
