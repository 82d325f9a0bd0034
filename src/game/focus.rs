//! Keeping a keyboard player's place. egui drops the keyboard focus when the focused control is disabled or goes
//! for a frame — which is what happens to "Send proposal" while the other side answers, or to a lever's button
//! once its move is made — so a player who pressed it with Space would have to Tab from the top again. This keeps
//! the control that had the focus and gives the focus back when it is enabled again, unless the player let go of it
//! (Esc, or a click elsewhere); and it draws a ring round the focused control, so the place shows.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::theme::{self, UiSet};

/// The control that last had the keyboard focus, while the player has not let go of it.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeptFocus(pub Option<egui::Id>);

/// Keeps the focus after every screen and overlay has drawn.
pub fn plugin(app: &mut App) {
    app.init_resource::<KeptFocus>()
        .add_systems(EguiPrimaryContextPass, keep_focus.after(UiSet::Overlay));
}

/// What to do with the focus this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusStep {
    /// Remember this control; draw its ring.
    Keep(egui::Id),
    /// Give the focus back to the kept control (it is shown and enabled again); draw its ring.
    Restore(egui::Id),
    /// The kept control is shown but disabled: draw its ring, muted, and wait.
    Wait(egui::Id),
    /// The kept control was let go of, or is gone: forget it.
    Forget,
    /// Nothing to keep.
    Nothing,
}

/// Decides what to do with the focus, from the control focused now, the one kept, whether the player let go
/// (Esc or a press of the pointer this frame), and whether the kept control is shown (`Some`) and enabled.
pub fn focus_step(focused: Option<egui::Id>, kept: Option<egui::Id>, let_go: bool, shown: Option<bool>) -> FocusStep {
    match (focused, kept) {
        (Some(id), _) => FocusStep::Keep(id),
        (None, None) => FocusStep::Nothing,
        (None, Some(_)) if let_go => FocusStep::Forget,
        (None, Some(id)) => match shown {
            Some(true) => FocusStep::Restore(id),
            Some(false) => FocusStep::Wait(id),
            None => FocusStep::Forget,
        },
    }
}

fn keep_focus(mut contexts: EguiContexts, mut kept: ResMut<KeptFocus>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let focused = ctx.memory(|memory| memory.focused());
    let let_go = ctx.input(|input| input.key_pressed(egui::Key::Escape) || input.pointer.any_pressed());
    let shown = kept
        .0
        .and_then(|id| ctx.read_response(id))
        .map(|response| response.enabled());
    let step = focus_step(focused, kept.0, let_go, shown);
    let ring = match step {
        FocusStep::Keep(id) => {
            kept.0 = Some(id);
            Some((id, theme::ACCENT))
        }
        FocusStep::Restore(id) => {
            ctx.memory_mut(|memory| memory.request_focus(id));
            Some((id, theme::ACCENT))
        }
        FocusStep::Wait(id) => Some((id, theme::MUTED)),
        FocusStep::Forget => {
            kept.0 = None;
            None
        }
        FocusStep::Nothing => None,
    };
    if let Some((id, colour)) = ring
        && let Some(response) = ctx.read_response(id)
    {
        let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::new("focus_ring")));
        painter.rect_stroke(
            response.rect.expand(3.0),
            4.0,
            egui::Stroke::new(2.5, colour),
            egui::StrokeKind::Outside,
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_disabled_after_it_was_pressed_gets_the_focus_back_when_enabled() {
        let send = egui::Id::new("send");
        // Pressed with Space: it has the focus, and is kept.
        assert_eq!(focus_step(Some(send), None, false, Some(true)), FocusStep::Keep(send));
        // The turn passes: disabled, egui drops the focus; the ring waits on it.
        assert_eq!(focus_step(None, Some(send), false, Some(false)), FocusStep::Wait(send));
        // The other side has answered: enabled again, the focus comes back.
        assert_eq!(
            focus_step(None, Some(send), false, Some(true)),
            FocusStep::Restore(send)
        );
    }

    #[test]
    fn letting_go_or_a_control_gone_forgets_it() {
        let send = egui::Id::new("send");
        assert_eq!(focus_step(None, Some(send), true, Some(true)), FocusStep::Forget);
        assert_eq!(focus_step(None, Some(send), false, None), FocusStep::Forget);
        assert_eq!(focus_step(None, None, false, None), FocusStep::Nothing);
    }

    /// A frame of a window with one button, with these keys pressed: the button's response, and (as the keeper
    /// sees them at the end of the frame) the control focused and whether the button is shown enabled.
    fn frame(
        ctx: &egui::Context,
        enabled: bool,
        keys: &[egui::Key],
    ) -> (egui::Response, Option<egui::Id>, Option<bool>) {
        let events = keys
            .iter()
            .map(|&key| egui::Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            })
            .collect();
        let mut seen = None;
        let raw = egui::RawInput {
            events,
            ..Default::default()
        };
        ctx.run_ui(raw, |ui| {
            let response = ui.add_enabled(enabled, egui::Button::new("Send"));
            let focused = ui.ctx().memory(|m| m.focused());
            let shown = ui.ctx().read_response(response.id).map(|r| r.enabled());
            seen = Some((response, focused, shown));
        })
        .drop_without_applying_deltas();
        seen.expect("drawn")
    }

    #[test]
    fn egui_drops_the_focus_of_a_disabled_control_and_the_kept_focus_restores_it() {
        let ctx = egui::Context::default();
        frame(&ctx, true, &[]);
        let (button, focused, _) = frame(&ctx, true, &[egui::Key::Tab]);
        assert_eq!(focused, Some(button.id), "Tab focuses the button");
        let (_, focused, shown) = frame(&ctx, false, &[]);
        assert_eq!(focused, None, "egui drops it while disabled");
        assert_eq!(
            focus_step(focused, Some(button.id), false, shown),
            FocusStep::Wait(button.id)
        );
        let (_, focused, shown) = frame(&ctx, true, &[]);
        assert_eq!(focused, None, "egui does not give it back by itself");
        assert_eq!(
            focus_step(focused, Some(button.id), false, shown),
            FocusStep::Restore(button.id)
        );
        ctx.memory_mut(|m| m.request_focus(button.id));
        let (pressed, _, _) = frame(&ctx, true, &[egui::Key::Space]);
        assert!(pressed.clicked(), "Space presses it where the player left off");
    }
}
