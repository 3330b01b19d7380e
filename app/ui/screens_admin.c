/* screens_admin.c: the kiosk's own screens: the PIN pad, the admin screen
 * (four tabs), the touch test, plus the small export banner over the
 * attract screen.
 *
 * They follow the visitor screens' rules (ui.h): laid out in logical
 * coordinates and mirrored for RTL, every control at least the minimum
 * touch target, text shrunk to fit its box. Buttons always carry an icon,
 * so on a small screen a label that cannot fit is left out and the icon
 * still says what the control does. Numbers are drawn left to right in
 * every language. */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "admin/pin.h"
#include "i18n/i18n.h"
#include "stats/stats.h"

/* ---- the export banner on the attract screen -------------------------- */

static const char *banner_text(const App *a, int for_admin)
{
    int install = a->facts.banner_job == CMD_INSTALL_PACK;
    switch (a->facts.banner) {
    case BANNER_BUSY:
        return install ? _("Installing the content update. Please wait.")
                       : _("Writing to the USB stick. Do not remove it.");
    case BANNER_OK:
        return install ? _("Content update installed.")
                       : _("Export complete, you can remove the stick");
    case BANNER_FAILED:
        if (install)
            return _("The content update was not installed.");
        return for_admin ? _("The export did not finish.")
                         : _("The export did not finish. See the admin screen.");
    default:
        return "";
    }
}

void ui_attract_banner(B *b)
{
    /* Visitors see only a neutral line: no counts, no names, no reasons. */
    const App *a = b->app;
    int bh = b->target + b->pad;
    int bw = b->w - 2 * b->pad;
    if (bw > b->target * 14)
        bw = b->target * 14;
    Rect r = {(b->w - bw) / 2, b->h - bh - b->pad, bw, bh};
    Color bg = a->facts.banner == BANNER_FAILED ? b->th->bad : b->th->surface;
    Color fg = a->facts.banner == BANNER_FAILED ? b->th->on_accent : b->th->text;
    ui_fill(b, r, bg);
    ui_frame(b, r, b->th->line, 2);
    int isz = b->target * 2 / 3;
    ui_icon(b, (Rect){r.x + b->pad, r.y + (bh - isz) / 2, isz, isz},
            a->facts.banner == BANNER_FAILED ? "cross" : a->facts.banner == BANNER_OK ? "check" : "usb", fg, 0);
    Rect tr = {r.x + 2 * b->pad + isz, r.y + b->pad / 2, r.w - 3 * b->pad - isz, bh - b->pad};
    ui_text_box(b, banner_text(a, 0), tr, b->body_px, b->small_px * 2 / 3, 0, ALIGN_START, 1, fg);
    if (a->facts.banner != BANNER_BUSY)
        ui_add_hit(b, WIDGET(W_BANNER, 0), r);
}

/* ---- the PIN pad ------------------------------------------------------ */

static const char *pin_title(const App *a)
{
    switch (a->admin.pin_mode) {
    case PINPAD_NOT_SET: return _("Kiosk administration");
    default: return _("Enter the PIN");
    }
}

static const char *pin_message(B *b)
{
    const App *a = b->app;
    switch ((PinMessage)a->admin.pin_message) {
    case PINMSG_WRONG: return _("Wrong PIN.");
    case PINMSG_LOCKED: {
        AppTimeView tv;
        app_time_view(a, b->now, &tv);
        return arena_printf(b->arena, _("Too many wrong PINs. Try again in %d s."),
                            tv.lock_left > 0 ? tv.lock_left : 0);
    }
    case PINMSG_SHORT:
        return arena_printf(b->arena, _("A PIN has %d to %d digits."), PIN_MIN_DIGITS,
                            PIN_MAX_DIGITS);
    case PINMSG_DAMAGED: return _("The PIN file is damaged. Set the PIN again from a shell.");
    case PINMSG_CHECKING: return _("Checking...");
    default:
        return "";
    }
}

void ui_screen_pin(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int hh = ui_top_bar(b, pin_title(a), WIDGET(W_PIN_CANCEL, 0), "cross", _("Cancel"));
    int y = hh + b->pad;
    if (a->admin.pin_mode == PINPAD_NOT_SET) {
        /* Only someone who knows the gesture sees this; it names no
         * subject and offers nothing to set. */
        Rect r = {b->pad * 2, y + b->pad, b->w - b->pad * 4, b->h - y - b->pad * 3};
        ui_text_box(b,
                    arena_printf(b->arena, "%s\n\n%s\n    taama admin set-pin",
                                 _("No admin PIN is set on this kiosk."),
                                 _("The person who installs the kiosk sets it from a shell:")),
                    r, b->title_px, b->small_px * 2 / 3, 0, ALIGN_START, 0, t->text);
        return;
    }
    /* the dots: as many as digits typed, never the digits */
    int d = b->target / 3;
    int dots_h = d + b->pad;
    int n = a->admin.pin_len;
    int shown = n + 1 > PIN_MIN_DIGITS ? n + 1 : PIN_MIN_DIGITS;
    if (shown > PIN_MAX_DIGITS)
        shown = PIN_MAX_DIGITS;
    int x = (b->w - (shown * (d + d / 2) - d / 2)) / 2;
    for (int i = 0; i < shown; i++) {
        Rect r = {x + i * (d + d / 2), y + b->pad / 2, d, d};
        if (i < n)
            ui_circle(b, r, t->text);
        else if (i < PIN_MIN_DIGITS || i == n)
            ui_circle(b, inset(r, d / 3), t->line);
    }
    y += dots_h;
    int lh = b->tm->line_height(b->tm->ctx, b->body_px);
    int mh = lh * 2;
    int locked = a->facts.pin_locked_until > b->now;
    const char *msg = pin_message(b);
    Color mc = a->admin.pin_message == PINMSG_NONE || a->admin.pin_message == PINMSG_CHECKING ? t->muted : t->bad;
    ui_text_box(b, msg, (Rect){b->pad * 2, y, b->w - b->pad * 4, mh}, b->body_px,
                b->small_px * 2 / 3, 1, ALIGN_CENTER, 1, mc);
    y += mh + b->pad / 2;
    /* the keypad: 1-9, then Delete, 0, OK; as large as the room allows */
    int avail_h = b->h - y - b->pad;
    int key_w = (b->w - 4 * b->pad) / 3, key_h = (avail_h - 3 * b->pad) / 4;
    int cap = b->target * 5 / 2;
    if (key_w > cap * 2)
        key_w = cap * 2;
    if (key_h > cap)
        key_h = cap;
    if (key_h < b->target)
        key_h = b->target;
    int kx = (b->w - (3 * key_w + 2 * b->pad)) / 2;
    int off = locked || a->admin.pin_waiting;
    for (int k = 0; k < 12; k++) {
        Rect r = {kx + (k % 3) * (key_w + b->pad), y + (k / 3) * (key_h + b->pad), key_w, key_h};
        if (k < 9 || k == 10) {
            int digit = k < 9 ? k + 1 : 0;
            B l = ui_ltr(b);
            /* digits keep their place in RTL too, as on a phone keypad */
            l.rtl = 0;
            l.body_px = b->big_px;
            ui_button(&l, WIDGET(W_PIN_DIGIT, digit), r, NULL,
                      arena_printf(b->arena, "%d", digit), off ? BTN_DISABLED : BTN_PLAIN, 0);
        } else if (k == 9) {
            ui_button(b, WIDGET(W_PIN_DELETE, 0), r, "delete", NULL,
                      n > 0 ? BTN_PLAIN : BTN_DISABLED, 1);
        } else {
            ui_button(b, WIDGET(W_PIN_OK, 0), r, "check", key_w >= b->target * 3 ? _("OK") : NULL,
                      !off && n >= PIN_MIN_DIGITS ? BTN_PRIMARY : BTN_DISABLED, 0);
        }
    }
}

/* ---- the admin screen ------------------------------------------------- */

static const char *const tab_icons[TAB__COUNT] = {"chart", "settings", "globe", "tools"};
static const char *const tab_labels[TAB__COUNT] = {N_("Status"), N_("Settings"), N_("Languages"),
                                                   N_("Tools")};

static int tab_row(B *b, int y)
{
    const App *a = b->app;
    int tw = (b->w - b->pad * (TAB__COUNT + 1)) / TAB__COUNT;
    int th = b->ctl;
    int labels = tw >= b->target * 3; /* narrow tabs: icons only */
    for (int i = 0; i < TAB__COUNT; i++)
        ui_button(b, WIDGET(W_ADMIN_TAB, i), (Rect){b->pad + i * (tw + b->pad), y, tw, th},
                  tab_icons[i], labels ? _(tab_labels[i]) : NULL,
                  a->admin.tab == (AdminTab)i ? BTN_SELECTED : BTN_PLAIN, 0);
    return th;
}

static const char *const today_labels[ADMIN_TODAY_BARS] = {
    N_("Visits"), N_("Topics opened"), N_("Topics finished"), N_("Help shown"),
    N_("Quick exits"), N_("Group sessions")};

/* Today's counters as horizontal bars: label, bar, number. */
static void chart_today(B *b, Rect r)
{
    const Theme *t = b->th;
    const AdminInfo *in = &b->app->facts.info;
    int lh = b->tm->line_height(b->tm->ctx, b->small_px);
    int title_h = lh < r.h / 4 ? lh : r.h / 4;
    ui_text_box(b, _("Today"), (Rect){r.x, r.y, r.w, title_h}, b->small_px, b->small_px / 2, 1,
                ALIGN_START, 0, t->text);
    int rows = ADMIN_TODAY_BARS;
    int rh = (r.h - title_h) / rows;
    int64_t max = 1;
    for (int i = 0; i < rows; i++)
        if (in->today[i] > max)
            max = in->today[i];
    /* on a narrow screen the labels take half the width: at the readable
     * minimum "Topics finished" no longer fits in two fifths */
    int lw = r.w < b->target * 8 ? r.w / 2 : r.w * 2 / 5, nw = r.w / 6;
    int bw = r.w - lw - nw - b->pad;
    for (int i = 0; i < rows; i++) {
        int y = r.y + title_h + i * rh;
        ui_text_box(b, _(today_labels[i]), (Rect){r.x, y, lw, rh}, b->small_px, b->small_px / 2, 0,
                    ALIGN_START, 1, t->muted);
        int len = (int)(in->today[i] * bw / max);
        int bar_h = rh * 3 / 5;
        ui_fill(b, (Rect){r.x + lw + b->pad / 2, y + (rh - bar_h) / 2, bw, bar_h}, t->line);
        if (len > 0)
            ui_fill(b, (Rect){r.x + lw + b->pad / 2, y + (rh - bar_h) / 2, len, bar_h}, t->accent);
        B l = ui_ltr(b);
        ui_text_box(&l, arena_printf(b->arena, "%lld", (long long)in->today[i]),
                    (Rect){r.x + r.w - nw, y, nw, rh}, b->small_px, b->small_px / 2, 1, ALIGN_END, 1,
                    t->text);
    }
}

/* Visits per day of this month as vertical bars; today's is marked. */
static void chart_month(B *b, Rect r)
{
    const Theme *t = b->th;
    const AdminInfo *in = &b->app->facts.info;
    int lh = b->tm->line_height(b->tm->ctx, b->small_px);
    int title_h = lh < r.h / 4 ? lh : r.h / 4;
    int64_t max = 1, total = 0;
    int days = in->month_days > 0 && in->month_days <= ADMIN_MONTH_DAYS ? in->month_days : 30;
    for (int i = 0; i < days; i++) {
        if (in->month[i] > max)
            max = in->month[i];
        total += in->month[i];
    }
    ui_text_box(b,
                arena_printf(b->arena,
                             i18n_ntext("This month: %lld visit", "This month: %lld visits", total),
                             (long long)total),
                (Rect){r.x, r.y, r.w, title_h}, b->small_px, b->small_px / 2, 1, ALIGN_START, 0,
                t->text);
    int top = r.y + title_h + b->pad / 2, bottom = r.y + r.h;
    int gap = r.w / days >= 6 ? 2 : 1;
    int bw = r.w / days - gap;
    if (bw < 1)
        bw = 1;
    ui_fill(b, (Rect){r.x, bottom - 1, r.w, 1}, t->line);
    for (int i = 0; i < days; i++) {
        int hgt = (int)(in->month[i] * (bottom - top) / max);
        Color c = i + 1 == in->today_mday ? t->focus : t->accent;
        if (hgt > 0)
            ui_fill(b, (Rect){r.x + i * (bw + gap), bottom - hgt, bw, hgt}, c);
    }
}

/* Local date and time of t (seconds) at utc_offset, without reading the
 * time zone database, so the screen is the same on every machine. */
static void clock_text(int64_t t, int32_t utc_offset, char day[11], char hm[8])
{
    stats_day_string(t, utc_offset, day);
    int64_t secs = ((t + utc_offset) % 86400 + 86400) % 86400;
    snprintf(hm, 8, "%02d:%02d", (int)(secs / 3600), (int)(secs / 60 % 60));
}

static void tab_status(B *b, Rect area)
{
    const Theme *t = b->th;
    const App *a = b->app;
    const AdminInfo *in = &a->facts.info;
    const Settings *s = &a->facts.settings;
    const char *unset = _("not set");
    char *facts = arena_printf(
        b->arena, "%s: %s\n%s: %s\n%s: %s\n%s: %s\n%s: %s", _("Kiosk name"),
        s->kiosk_name[0] ? s->kiosk_name : unset, _("Site"), s->site[0] ? s->site : unset,
        /* TRANSLATORS: a label on the admin screen: the topics installed on
           the kiosk (modules and help contacts), followed by their version. */
        C_("admin status", "Content"),
        in->content_version > 0
            ? arena_printf(b->arena, _("version %lld, signed by %s"),
                           (long long)in->content_version,
                           in->content_signer[0] ? in->content_signer : "?")
            : _("as shipped with the program"),
        _("Last export"), in->last_export[0] ? in->last_export : _("never"), _("Free space"),
        in->free_mb >= 0 ? arena_printf(b->arena, "%lld MB", (long long)in->free_mb) : "?");
    if (!facts)
        return;
    int landscape = area.w > area.h;
    Rect fr, cr;
    if (landscape) {
        fr = (Rect){area.x, area.y, area.w * 2 / 5, area.h};
        cr = (Rect){area.x + fr.w + b->pad * 2, area.y, area.w - fr.w - b->pad * 2, area.h};
    } else {
        fr = (Rect){area.x, area.y, area.w, area.h * 2 / 5};
        cr = (Rect){area.x, area.y + fr.h + b->pad, area.w, area.h - fr.h - b->pad};
    }
    int wh = 0;
    if (in->warning[0]) {
        wh = fr.h / 4;
        ui_text_box(b, in->warning, (Rect){fr.x, fr.y, fr.w, wh}, b->body_px, b->small_px / 2, 1,
                    ALIGN_START, 0, t->bad);
    }
    ui_text_box(b, facts, (Rect){fr.x, fr.y + wh, fr.w, fr.h - wh}, b->body_px, b->small_px / 2, 0,
                ALIGN_START, 0, t->text);
    if (!in->valid) {
        ui_text_box(b, _("Reading the statistics..."), cr, b->body_px, b->small_px / 2, 0,
                    ALIGN_START, 0, t->muted);
        return;
    }
    /* today's chart gets at least its title and one line per counter at
     * the readable minimum (it would otherwise shrink them below); the
     * month's bars, which have no text but their title, take the rest */
    int ch = (cr.h - b->pad) / 2;
    int today_h = b->tm->line_height(b->tm->ctx, b->small_px) +
                  ADMIN_TODAY_BARS * b->tm->line_height(b->tm->ctx, b->min_px);
    int month_min = b->tm->line_height(b->tm->ctx, b->small_px) + b->target;
    if (ch < today_h)
        ch = today_h < cr.h - b->pad - month_min ? today_h : cr.h - b->pad - month_min;
    chart_today(b, (Rect){cr.x, cr.y, cr.w, ch});
    chart_month(b, (Rect){cr.x, cr.y + ch + b->pad, cr.w, cr.h - ch - b->pad});
}

/* The settings' on/off switches, from y down; returns the y below them.
 * On a short landscape screen (800x480) the switches, one row each, would
 * run off the bottom: they then share one row, side by side, when each
 * half still has room for its label beside the switch. The rows keep
 * their touch size and their text its readable minimum. */
static int settings_switches(B *b, Rect area, int y)
{
    const Settings *s = &b->app->facts.settings;
    static const char *const flag_labels[FLAG__COUNT] = {N_("Export when a USB stick is inserted"),
                                                         N_("Narration starts by itself")};
    const int flags[FLAG__COUNT] = {s->export_on_insert, s->narration_autoplay};
    int tw = b->target * 3, cy;
    int half = (area.w - b->pad * 2) / 2;
    int side_by_side = area.y + area.h - y < FLAG__COUNT * (b->target + b->pad) &&
                       half - tw - b->pad >= half / 3;
    int row_h = 0;
    for (int f = 0; f < FLAG__COUNT; f++) {
        Rect col = area;
        if (side_by_side) {
            col.w = half;
            col.x = area.x + (f % 2) * (half + b->pad * 2);
            if (f % 2) /* a rule between the halves: two settings, not one */
                ui_fill(b, (Rect){col.x - b->pad - 1, y, 2, b->target}, b->th->line);
        }
        int h = ui_row_layout(b, col, y, _(flag_labels[f]), tw, &cy);
        ui_button(b, WIDGET(W_ADMIN_TOGGLE, f), (Rect){col.x + col.w - tw, cy, tw, b->target},
                  flags[f] ? "check" : "off", flags[f] ? _("On") : _("Off"),
                  flags[f] ? BTN_SELECTED : BTN_PLAIN, 0);
        row_h = h > row_h ? h : row_h;
        if (!side_by_side || f % 2 == 1 || f == FLAG__COUNT - 1) {
            y += row_h + b->pad;
            row_h = 0;
        }
    }
    return y;
}

static void tab_settings(B *b, Rect area)
{
    const App *a = b->app;
    const Settings *s = &a->facts.settings;
    int y = area.y, cy;
    int step_w = b->target * 4 + b->pad;
    int h = ui_row_layout(b, area, y, _("Visitor inactivity timeout"), step_w, &cy);
    ui_stepper(b, area.x + area.w, cy, b->target, WIDGET(W_ADMIN_DEC, VALUE_TIMEOUT),
            WIDGET(W_ADMIN_INC, VALUE_TIMEOUT),
            arena_printf(b->arena, "%d s", s->inactivity_timeout_s), b->body_px);
    y += h + b->pad;
    h = ui_row_layout(b, area, y, _("Narration volume"), step_w, &cy);
    ui_stepper(b, area.x + area.w, cy, b->target, WIDGET(W_ADMIN_DEC, VALUE_VOLUME),
            WIDGET(W_ADMIN_INC, VALUE_VOLUME),
            arena_printf(b->arena, "%d %%", s->narration_volume), b->body_px);
    y += h + b->pad;
    /* The kiosk's clock, from the facts (0: not read yet). Stepping moves
     * it by a day or an hour; minutes come from the system clock. */
    if (a->facts.info.clock_now > 0) {
        char day[11], hm[8];
        clock_text(a->facts.info.clock_now, a->facts.info.clock_utc_offset, day, hm);
        /* a date needs a wider value than a number */
        h = ui_row_layout(b, area, y, _("Date"), step_w + b->target, &cy);
        ui_stepper_w(b, area.x + area.w, cy, b->target, WIDGET(W_ADMIN_DEC, VALUE_CLOCK_DAY),
                  WIDGET(W_ADMIN_INC, VALUE_CLOCK_DAY), arena_printf(b->arena, "%s", day), b->body_px,
                  b->target * 3);
        y += h + b->pad;
        h = ui_row_layout(b, area, y, _("Time"), step_w, &cy);
        ui_stepper(b, area.x + area.w, cy, b->target, WIDGET(W_ADMIN_DEC, VALUE_CLOCK_HOUR),
                WIDGET(W_ADMIN_INC, VALUE_CLOCK_HOUR), arena_printf(b->arena, "%s", hm), b->body_px);
        y += h + b->pad;
    }
    y = settings_switches(b, area, y);
    /* name and site need a keyboard: they are set from a shell; the hint
     * is left out on a screen too small for it (the Status tab shows both) */
    int rest = area.y + area.h - y;
    /* export on insert needs no PIN, so it only ever writes sealed
     * exports: say why it does nothing while no campaign key is there */
    const char *inactive =
        rest > 0 && s->export_on_insert && a->facts.info.valid && !a->facts.info.campaign_key
            ? _("Export on insert is inactive until a campaign key "
                "(campaign.pub) is installed: automatic exports are always "
                "encrypted.")
            : NULL;
    const char *hint = rest <= 0 ? NULL
                                 : arena_printf(b->arena, "%s%s%s: %s\n%s: %s\n%s", inactive ? inactive : "",
                                                inactive ? "\n" : "", _("Kiosk name"),
                                                s->kiosk_name[0] ? s->kiosk_name : _("not set"), _("Site"),
                                                s->site[0] ? s->site : _("not set"),
                                                _("Name and site are set from a shell: taama admin set --name NAME --site SITE"));
    /* where all of it does not fit, the note on export on insert alone
     * (it explains a setting on this tab) */
    if (hint && ui_text_height(b, hint, area.w, b->small_px, 0) > rest)
        hint = inactive && ui_text_height(b, inactive, area.w, b->small_px, 0) <= rest ? inactive : NULL;
    if (hint) {
        ui_text_box(b, hint, (Rect){area.x, y, area.w, rest}, b->small_px, b->small_px / 2, 0,
                    ALIGN_START, 0, b->th->muted);
    }
}

static void tab_languages(B *b, Rect area)
{
    const App *a = b->app;
    const char *codes[APP_MAX_LANGS + 16];
    int on = 0;
    int n = app_admin_languages(a, codes, (int)(sizeof codes / sizeof codes[0]), &on);
    int rh = b->target;
    /* the admin screens' own language, whatever visitors are offered */
    {
        int cy, bw = b->target * 4;
        int h = ui_row_layout(b, area, area.y, _("Admin screens in"), bw, &cy);
        const Language *al = i18n_language(a->facts.settings.admin_language);
        B bl = *b;
        bl.dir = al && al->rtl ? PARA_RTL : PARA_LTR;
        ui_button(&bl, WIDGET(W_ADMIN_UI_LANG, 0), (Rect){area.x + area.w - bw, cy, bw, b->target},
                  "globe", al ? al->native : a->facts.settings.admin_language, BTN_PLAIN, 0);
        area.y += h + b->pad;
        area.h -= h + b->pad;
    }
    int fit = (area.h + b->pad / 2) / (rh + b->pad / 2);
    if (n > fit)
        n = fit;
    int bs = b->target;
    int lw = area.w - 2 * (bs + b->pad / 2);
    if (lw > b->target * 8)
        lw = b->target * 8;
    for (int i = 0; i < n; i++) {
        int y = area.y + i * (rh + b->pad / 2);
        const Language *l = i18n_language(codes[i]);
        int enabled = i < on;
        B bl = *b;
        bl.dir = l && l->rtl ? PARA_RTL : PARA_LTR;
        ui_button(&bl, WIDGET(W_ADMIN_LANG, i), (Rect){area.x, y, lw, rh}, enabled ? "check" : "off",
                  l ? l->native : codes[i], enabled ? BTN_SELECTED : BTN_PLAIN, 0);
        int x = area.x + lw + b->pad / 2;
        ui_button(b, WIDGET(W_ADMIN_UP, i), (Rect){x, y, bs, rh}, "up", NULL,
                  enabled && i > 0 ? BTN_PLAIN : BTN_DISABLED, 0);
        ui_button(b, WIDGET(W_ADMIN_DOWN, i), (Rect){x + bs + b->pad / 2, y, bs, rh}, "down", NULL,
                  enabled && i + 1 < on ? BTN_PLAIN : BTN_DISABLED, 0);
    }
}

static const char *const action_icons[ACTION__COUNT] = {"usb", "download", "touch", "speaker",
                                                        "group"};
static const char *const action_labels[ACTION__COUNT] = {
    N_("Export now"), N_("Install content update"), N_("Test touch"), N_("Test sound"),
    N_("Group session")};

static void tab_tools(B *b, Rect area)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int y = area.y;
    /* the result of the last job or session, with its English detail */
    const char *head = a->facts.banner != BANNER_NONE ? banner_text(a, 1)
                       : a->admin.note == NOTE_GROUP_SAVED ? _("Group session saved.")
                                                     : NULL;
    if (head) {
        int mh = area.h / 3;
        if (mh > b->target * 3)
            mh = b->target * 3;
        Rect r = {area.x, y, area.w, mh};
        ui_fill(b, r, t->surface);
        ui_frame(b, r, a->facts.banner == BANNER_FAILED ? t->bad : t->accent, 3);
        int bs = b->target;
        Rect in = inset(r, b->pad / 2);
        in.w -= bs + b->pad / 2;
        const char *msg = a->facts.banner_detail[0] && a->facts.banner != BANNER_NONE
                              ? arena_printf(b->arena, "%s\n%s", head, a->facts.banner_detail)
                              : head;
        ui_text_box(b, msg, in, b->body_px, b->small_px / 2, 0, ALIGN_START, 1,
                    a->facts.banner == BANNER_FAILED ? t->bad : t->text);
        if (a->facts.banner != BANNER_BUSY)
            ui_button(b, WIDGET(W_BANNER, 0),
                      (Rect){r.x + r.w - bs - b->pad / 2, r.y + (mh - bs) / 2, bs, bs}, "cross",
                      NULL, BTN_PLAIN, 0);
        y += mh + b->pad;
    }
    int cols = area.w >= b->target * 10 ? 2 : 1;
    int rows = (ACTION__COUNT + cols - 1) / cols;
    int bw = (area.w - (cols - 1) * b->pad) / cols;
    int bh = (area.y + area.h - y - (rows - 1) * b->pad) / rows;
    if (bh > b->target * 2)
        bh = b->target * 2;
    if (bh < b->target)
        bh = b->target;
    for (int i = 0; i < ACTION__COUNT; i++) {
        int busy = a->facts.job_busy && (i == ACTION_EXPORT || i == ACTION_INSTALL);
        Rect r = {area.x + (i % cols) * (bw + b->pad), y + (i / cols) * (bh + b->pad), bw, bh};
        ui_button(b, WIDGET(W_ADMIN_ACTION, i), r, action_icons[i], _(action_labels[i]),
                  busy ? BTN_DISABLED : BTN_PLAIN, 0);
    }
}

void ui_screen_admin(B *b)
{
    const App *a = b->app;
    int hh = ui_top_bar(b, _("Kiosk administration"), WIDGET(W_ADMIN_CLOSE, 0), "cross", _("Close"));
    int y = hh + b->pad;
    y += tab_row(b, y) + b->pad;
    Rect area = {b->pad * 2, y, b->w - b->pad * 4, b->h - y - b->pad};
    switch (a->admin.tab) {
    case TAB_STATUS: tab_status(b, area); break;
    case TAB_SETTINGS: tab_settings(b, area); break;
    case TAB_LANGUAGES: tab_languages(b, area); break;
    case TAB_TOOLS: tab_tools(b, area); break;
    default: break;
    }
}

/* ---- the touch test --------------------------------------------------- */

void ui_screen_test_touch(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int hh = ui_top_bar(b, _("Touch every square"), WIDGET(W_DONE, 0), "check", _("Done"));
    Rect area = {b->pad, hh + b->pad, b->w - 2 * b->pad, b->h - hh - 2 * b->pad};
    /* squares of the minimum target size plus a margin, as many as fit
     * (at most APP_TOUCH_CELLS), spread over the whole screen so every
     * region is tried */
    int cell = b->target + b->pad;
    int cols = area.w / cell, rows = area.h / cell;
    while (cols * rows > APP_TOUCH_CELLS) {
        if (cols >= rows)
            cols--;
        else
            rows--;
    }
    if (cols < 1 || rows < 1)
        return;
    int cw = area.w / cols, ch = area.h / rows;
    int done = 0;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) {
            int i = r * cols + c;
            Rect cr = {area.x + c * cw + (cw - b->target) / 2, area.y + r * ch + (ch - b->target) / 2,
                       b->target, b->target};
            WidgetId id = WIDGET(W_TOUCH_CELL, i);
            int hit = a->admin.touched[i];
            done += hit;
            ui_fill(b, cr, hit ? t->good : ui_pressed(b, id) ? t->pressed : t->surface);
            ui_frame(b, cr, hit ? t->good : t->line, 2);
            if (hit)
                ui_icon(b, inset(cr, b->target / 5), "check", t->on_accent, 0);
            ui_add_hit(b, id, cr);
        }
    (void)done;
}
