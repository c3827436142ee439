/* render_svg: the timelines of the HTML report as one inline SVG. Rows: the corpus's claims
 * (marks at their claim time, coloured by verdict), the secretaries-general and the
 * chairmanship (office facts), then one row per member country (membership facts: a bar while
 * a member, a dashed bar while suspended or frozen, a tick per event). Every string from the
 * model or an article is escaped. */
#include "render_common.h"

#include "dates.h"
#include "model.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

#define SVG_LEFT 170.0     /* label column */
#define SVG_WIDTH 1100.0
#define SVG_ROW 26.0
#define SVG_TOP 24.0       /* axis labels */
#define SVG_MAX_COUNTRIES 64
#define SVG_MAX_EVENTS 64

/* Membership events that make a country a (full) member from their date. */
static const char *const svg_join_events[] = {
    "signed", "acceded", "in_force", "founding_member", "rejoined",
};
/* Events after which a country is a member in name only, until it rejoins. */
static const char *const svg_pause_events[] = {"suspended", "froze_participation"};

static bool svg_in(const char *s, const char *const *list, size_t n)
{
    size_t i;

    for (i = 0; s != NULL && i < n; i++)
        if (strcmp(s, list[i]) == 0)
            return true;
    return false;
}

typedef struct svg_scale {
    double y0, y1;   /* first and last year shown (fractional) */
} svg_scale;

static double svg_year(sd_date d)
{
    double v = d.y;

    if (d.prec >= SD_PREC_MONTH && d.m > 0)
        v += (d.m - 1) / 12.0;
    if (d.prec >= SD_PREC_DAY && d.d > 0)
        v += (d.d - 1) / 365.25;
    return v;
}

static double svg_x(const svg_scale *sc, double year)
{
    if (year < sc->y0)
        year = sc->y0;
    if (year > sc->y1)
        year = sc->y1;
    return SVG_LEFT + (year - sc->y0) / (sc->y1 - sc->y0) * (SVG_WIDTH - SVG_LEFT - 10.0);
}

static const char *svg_entity_name(const sd_model *model, const char *id)
{
    const sd_entity *e = (model && id) ? sd_model_find_entity(model, id) : NULL;

    if (e != NULL && e->name_en != NULL)
        return e->name_en;
    return id ? id : "?";
}

static void svg_widen(svg_scale *sc, sd_date d, bool *any)
{
    double y;

    if (d.prec == SD_PREC_NONE || d.y < 1900 || d.y > 2100)
        return; /* keep an absurd date from stretching the axis over centuries */
    y = svg_year(d);
    if (!*any || y < sc->y0)
        sc->y0 = y;
    if (!*any || y > sc->y1)
        sc->y1 = y;
    *any = true;
}

static bool svg_claim_time(const cJSON *claim, sd_date *out)
{
    const char *v = sd_rj_str(sd_rj_obj(claim, "time"), "value");

    return v != NULL && sd_date_parse_iso(v, out) == 0;
}

static void svg_bar(FILE *out, const svg_scale *sc, double row_y, double from, double to,
                    const char *fill, bool dashed, const char *label, const char *tip)
{
    double x0 = svg_x(sc, from), x1 = svg_x(sc, to);

    if (x1 - x0 < 2.0)
        x1 = x0 + 2.0;
    fputs("<g><title>", out);
    sd_escape_xml_str(out, tip, false);
    fprintf(out, "</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                 "fill=\"%s\"%s/>",
            x0, row_y + 4.0, x1 - x0, SVG_ROW - 8.0, dashed ? "none" : fill,
            dashed ? " stroke=\"#888\" stroke-dasharray=\"4 3\"" : "");
    if (label != NULL && x1 - x0 > 70.0) {
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"bl\">", x0 + 3.0,
                row_y + SVG_ROW / 2.0 + 4.0);
        sd_escape_xml_str(out, label, false);
        fputs("</text>", out);
    }
    fputs("</g>\n", out);
}

static void svg_row_label(FILE *out, double row_y, const char *label)
{
    fprintf(out, "<text x=\"4\" y=\"%.1f\" class=\"rl\">", row_y + SVG_ROW / 2.0 + 4.0);
    sd_escape_xml_str(out, label, false);
    fputs("</text>\n", out);
}

static void svg_offices(FILE *out, const sd_model *model, const svg_scale *sc, double row_y,
                        const char *office, double end)
{
    size_t i, n = sd_model_fact_count(model), k = 0;
    static const char *const fills[2][2] = {{"#3f6fb5", "#7ea3d9"}, {"#2f8f83", "#79c2b8"}};
    int palette = strcmp(office, "chair") == 0 ? 1 : 0;

    for (i = 0; i < n; i++) {
        const sd_fact *f = sd_model_fact(model, i);
        char from[11], to[11], tip[512];
        const char *name;

        if (f == NULL || f->type != SD_FACT_OFFICE || f->office == NULL
            || strcmp(f->office, office) != 0 || f->from.prec == SD_PREC_NONE)
            continue;
        name = svg_entity_name(model, f->holder);
        sd_date_format(f->from, from);
        sd_date_format(f->to, to);
        snprintf(tip, sizeof tip, "%s%s: %s \xE2\x80\x93 %s", name, f->acting ? " (acting)" : "",
                 from, to[0] ? to : "present");
        svg_bar(out, sc, row_y, svg_year(f->from),
                f->to.prec == SD_PREC_NONE ? end : svg_year(f->to), fills[palette][k++ % 2],
                false, name, tip);
    }
}

/* Membership facts of one country, sorted by date (insertion sort: a handful per country). */
static size_t svg_country_events(const sd_model *model, const char *country,
                                 const sd_fact **ev)
{
    size_t i, j, n = sd_model_fact_count(model), k = 0;

    for (i = 0; i < n && k < SVG_MAX_EVENTS; i++) {
        const sd_fact *f = sd_model_fact(model, i);
        if (f == NULL || f->type != SD_FACT_MEMBERSHIP || f->country == NULL
            || strcmp(f->country, country) != 0 || f->date.prec == SD_PREC_NONE)
            continue;
        for (j = k; j > 0 && sd_date_cmp(ev[j - 1]->date, f->date) > 0; j--)
            ev[j] = ev[j - 1];
        ev[j] = f;
        k++;
    }
    return k;
}

static void svg_membership(FILE *out, const sd_model *model, const svg_scale *sc, double row_y,
                           const char *country, double end)
{
    const sd_fact *ev[SVG_MAX_EVENTS];
    size_t i, n = svg_country_events(model, country, ev);
    const char *name = svg_entity_name(model, country);
    enum { OUT, MEMBER, PAUSED } state = OUT;
    double since = 0;
    char tip[512], date[11];

    for (i = 0; i < n; i++) {
        double y = svg_year(ev[i]->date);
        bool join = svg_in(ev[i]->event, svg_join_events,
                           sizeof svg_join_events / sizeof svg_join_events[0]);
        bool pause = svg_in(ev[i]->event, svg_pause_events,
                            sizeof svg_pause_events / sizeof svg_pause_events[0]);
        bool leave = ev[i]->event && strcmp(ev[i]->event, "withdrew") == 0;

        if ((join && state == PAUSED) || ((pause || leave) && state != OUT)) {
            snprintf(tip, sizeof tip, "%s: %s", name,
                     state == MEMBER ? "member" : "suspended / participation frozen");
            svg_bar(out, sc, row_y, since, y, "#5b8c3a", state == PAUSED, NULL, tip);
            state = OUT;
        }
        if (join && state == OUT) {
            state = MEMBER;
            since = y;
        } else if (pause) {
            state = PAUSED;
            since = y;
        }
    }
    if (state != OUT) {
        snprintf(tip, sizeof tip, "%s: %s", name,
                 state == MEMBER ? "member" : "suspended / participation frozen");
        svg_bar(out, sc, row_y, since, end, "#5b8c3a", state == PAUSED, NULL, tip);
    }
    for (i = 0; i < n; i++) {
        double x = svg_x(sc, svg_year(ev[i]->date));
        sd_date_format(ev[i]->date, date);
        fputs("<g><title>", out);
        sd_escape_xml_str(out, name, false);
        fputs(": ", out);
        sd_escape_xml_str(out, ev[i]->event, false);
        fprintf(out, " %s</title><path d=\"M%.1f %.1fv%.1f\" stroke=\"#222\" "
                     "stroke-width=\"2\"/></g>\n",
                date, x, row_y + 2.0, SVG_ROW - 4.0);
    }
}

static const char *svg_verdict_fill(const char *label)
{
    if (label && strcmp(label, "supported") == 0)
        return "#2e7d32";
    if (label && (strcmp(label, "refuted") == 0 || strcmp(label, "partly_supported") == 0))
        return "#c62828";
    return "#9e9e9e";
}

static void svg_claims(FILE *out, const cJSON *report, const svg_scale *sc, double row_y,
                       double bottom)
{
    const cJSON *doc, *claim;
    long di = 0, k;

    cJSON_ArrayForEach(doc, sd_rj_arr(report, "documents")) {
        k = 0;
        cJSON_ArrayForEach(claim, sd_rj_arr(doc, "claims")) {
            sd_date t;
            const char *label = sd_rj_str(sd_rj_obj(claim, "verdict"), "label");
            k++;
            if (!svg_claim_time(claim, &t) || t.y < 1900 || t.y > 2100)
                continue;
            {
                double x = svg_x(sc, svg_year(t));
                double cy = row_y + 7.0 + (double)((di + k) % 3) * 6.0;
                fprintf(out, "<a href=\"#c%ld-%ld\"><title>", di, k);
                sd_escape_xml_str(out, sd_rj_str(claim, "id"), false);
                fputs(" (", out);
                sd_escape_xml_str(out, label ? label : "no verdict", false);
                fputs("): ", out);
                sd_escape_xml_str(out, sd_rj_str(sd_rj_obj(claim, "time"), "value"), false);
                fprintf(out, "</title><path d=\"M%.1f %.1fV%.1f\" class=\"cl\"/>"
                             "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" "
                             "stroke=\"#fff\"/></a>\n",
                        x, row_y + SVG_ROW, bottom, x, cy, svg_verdict_fill(label));
            }
        }
        di++;
    }
}

void sd_render_svg_timelines(FILE *out, const cJSON *report, const sd_model *model)
{
    svg_scale sc = {1992, 2026};
    const char *countries[SVG_MAX_COUNTRIES];
    size_t ncountries = 0, i, j, nfacts = model ? sd_model_fact_count(model) : 0;
    bool any = false;
    const cJSON *doc, *claim;
    sd_date as_of;
    double end, height, row_y, year;
    int rows;

    for (i = 0; i < nfacts; i++) {
        const sd_fact *f = sd_model_fact(model, i);
        if (f == NULL)
            continue;
        if (f->type == SD_FACT_OFFICE && f->office
            && (strcmp(f->office, "secretary_general") == 0 || strcmp(f->office, "chair") == 0)) {
            svg_widen(&sc, f->from, &any);
            svg_widen(&sc, f->to, &any);
        } else if (f->type == SD_FACT_MEMBERSHIP && f->country) {
            svg_widen(&sc, f->date, &any);
            for (j = 0; j < ncountries && strcmp(countries[j], f->country) != 0; j++)
                ;
            if (j == ncountries && ncountries < SVG_MAX_COUNTRIES)
                countries[ncountries++] = f->country;
        }
    }
    cJSON_ArrayForEach(doc, sd_rj_arr(report, "documents"))
        cJSON_ArrayForEach(claim, sd_rj_arr(doc, "claims")) {
            sd_date t;
            if (svg_claim_time(claim, &t))
                svg_widen(&sc, t, &any);
        }
    if (model && sd_model_as_of(model) && sd_date_parse_iso(sd_model_as_of(model), &as_of) == 0)
        svg_widen(&sc, as_of, &any);
    else
        as_of.prec = SD_PREC_NONE;
    sc.y0 = (double)(long)sc.y0;
    sc.y1 = (double)(long)sc.y1 + 1.0;
    if (sc.y1 - sc.y0 < 5.0)
        sc.y1 = sc.y0 + 5.0;
    end = as_of.prec != SD_PREC_NONE ? svg_year(as_of) : sc.y1;

    rows = 1 + (model ? 2 + (int)ncountries : 0);
    height = SVG_TOP + rows * SVG_ROW + 6.0;
    fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" "
                 "aria-label=\"Timelines\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
                 "height=\"%.0f\">\n",
            SVG_WIDTH, height, SVG_WIDTH, height);
    for (year = sc.y0; year <= sc.y1; year += 1.0) {
        double x = svg_x(&sc, year);
        long y = (long)year;
        fprintf(out, "<path d=\"M%.1f %.1fV%.1f\" class=\"%s\"/>", x, SVG_TOP - 4.0, height,
                y % 5 == 0 ? "g5" : "g1");
        if (y % 5 == 0)
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"ax\">%ld</text>", x, SVG_TOP - 8.0,
                    y);
        fputc('\n', out);
    }
    row_y = SVG_TOP;
    svg_row_label(out, row_y, "Claims in the corpus");
    svg_claims(out, report, &sc, row_y, height);
    if (model != NULL) {
        row_y += SVG_ROW;
        svg_row_label(out, row_y, "Secretary-General");
        svg_offices(out, model, &sc, row_y, "secretary_general", end);
        row_y += SVG_ROW;
        svg_row_label(out, row_y, "Chairmanship");
        svg_offices(out, model, &sc, row_y, "chair", end);
        for (i = 0; i < ncountries; i++) {
            row_y += SVG_ROW;
            svg_row_label(out, row_y, svg_entity_name(model, countries[i]));
            svg_membership(out, model, &sc, row_y, countries[i], end);
        }
    }
    fputs("</svg>\n", out);
}
