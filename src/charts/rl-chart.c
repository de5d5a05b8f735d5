/* rl-chart.c — the common chart style, colours, text and export
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-chart.h"
#include "rl-charts-i18n.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "rl-error.h"

/* Colours as 0xRRGGBB. The categorical palette is built from colour-blind
 * tested qualitative sets (blue, orange, green, red, purple …), ordered so
 * that the first colours differ most; the dark variant lightens the darkest. */
static const guint32 categorical_light[RL_CHART_N_CATEGORICAL] = {
  0x3A6FB0, 0xE8772E, 0x2E8B3E, 0xC8362A, 0x9B4F96, 0x4FB3D9,
  0xC9A227, 0x7E2A4F, 0x3FA395, 0x8C8C8C, 0x3D3391, 0xE05C99,
};
static const guint32 categorical_dark[RL_CHART_N_CATEGORICAL] = {
  0x6C9EE0, 0xF28E45, 0x5BBF6A, 0xEE5F52, 0xC285C0, 0x6FCDEE,
  0xE3C453, 0xC25C8A, 0x5FC7B8, 0xB5B5B5, 0x8C80E6, 0xF07FB5,
};
/* A perceptually ordered dark-blue → green → yellow ramp. */
static const guint32 sequential_stops[RL_CHART_N_STOPS] = {
  0x440154, 0x46327E, 0x365C8D, 0x277F8E, 0x1FA187, 0x4AC16D, 0x9FDA3A, 0xD8E219, 0xFDE725,
};
static const guint32 diverging_light[RL_CHART_N_STOPS] = {
  0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF5F5F5, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B,
};
static const guint32 diverging_dark[RL_CHART_N_STOPS] = {
  0x4A90D9, 0x3F78A8, 0x345C7C, 0x2E4254, 0x2F2F2F, 0x5A3A36, 0x8A4A40, 0xBE5A4A, 0xEF6A5A,
};

static RlColor
rgb (guint32 hex)
{
  return (RlColor) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                     (hex & 0xff) / 255.0, 1.0 };
}

static RlColor
mix (RlColor a, RlColor b, double t)
{
  return (RlColor) { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
                     a.a + (b.a - a.a) * t };
}

static RlColor
ramp (const RlColor *stops, double t)
{
  double pos;
  guint i;

  if (isnan (t))
    return stops[RL_CHART_N_STOPS / 2];
  t = CLAMP (t, 0.0, 1.0);
  pos = t * (RL_CHART_N_STOPS - 1);
  i = MIN ((guint) pos, RL_CHART_N_STOPS - 2);
  return mix (stops[i], stops[i + 1], pos - i);
}

void
rl_chart_style_init (RlChartStyle *style,
                     gboolean      dark)
{
  memset (style, 0, sizeof *style);
  style->dark = dark;
  style->background = rgb (dark ? 0x1E1E1E : 0xFFFFFF);
  style->foreground = rgb (dark ? 0xEDEDED : 0x1E1E1E);
  style->muted = rgb (dark ? 0xAFAFAF : 0x5C5C5C);
  style->grid = rgb (dark ? 0x363636 : 0xE6E6E6);
  style->accent = rgb (dark ? 0x78AEED : 0x1C71D8);
  style->selection = rgb (dark ? 0xF8E45C : 0x1E1E1E);
  style->top10 = rgb (dark ? 0xF66151 : 0xD1281B);
  style->top20 = rgb (dark ? 0xF0C43A : 0xE5A50A);
  style->neutral = rgb (dark ? 0x6E7781 : 0xA3ACB6);
  style->missing = rgb (dark ? 0x4A4A4A : 0xD0D0D0);
  style->font_family = "Sans";
  style->font_size = 13.0;
  style->line_width = 2.0;
  for (guint i = 0; i < RL_CHART_N_CATEGORICAL; i++)
    style->categorical[i] = rgb (dark ? categorical_dark[i] : categorical_light[i]);
  for (guint i = 0; i < RL_CHART_N_STOPS; i++)
    {
      style->sequential[i] = rgb (sequential_stops[i]);
      style->diverging[i] = rgb (dark ? diverging_dark[i] : diverging_light[i]);
    }
}

RlColor
rl_chart_style_category (const RlChartStyle *style,
                         guint               i)
{
  return style->categorical[i % RL_CHART_N_CATEGORICAL];
}

RlColor
rl_chart_style_sequential (const RlChartStyle *style,
                           double              t)
{
  return ramp (style->sequential, t);
}

RlColor
rl_chart_style_diverging (const RlChartStyle *style,
                          double              t)
{
  return ramp (style->diverging, isnan (t) ? t : (t + 1.0) / 2.0);
}

RlColor
rl_color_contrast (RlColor bg)
{
  double luma = 0.2126 * bg.r + 0.7152 * bg.g + 0.0722 * bg.b;

  return luma > 0.5 ? rgb (0x111111) : rgb (0xFAFAFA);
}

RlColor
rl_color_with_alpha (RlColor c,
                     double  alpha)
{
  c.a = alpha;
  return c;
}

void
rl_chart_set_color (cairo_t *cr,
                    RlColor  c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

/* Export */

typedef enum { FORMAT_PNG, FORMAT_SVG, FORMAT_PDF, FORMAT_UNKNOWN } Format;

static Format
format_from_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    return FORMAT_PNG;
  if (g_str_has_suffix (lower, ".svg"))
    return FORMAT_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return FORMAT_PDF;
  return FORMAT_UNKNOWN;
}

/* The stream a chart is written to, and the first error writing it. */
typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
create_surface (Format format, Sink *sink, int width, int height)
{
  cairo_surface_t *surface;

  switch (format)
    {
    case FORMAT_PNG:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (sink_write, sink, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      return surface;
    case FORMAT_PDF:
      return cairo_pdf_surface_create_for_stream (sink_write, sink, width, height);
    case FORMAT_UNKNOWN:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Draws and writes the chart into @sink; the cairo status. */
static cairo_status_t
render (Format              format,
        Sink               *sink,
        int                 width,
        int                 height,
        RlChartDrawFunc     draw,
        gconstpointer       data,
        const RlChartStyle *style)
{
  cairo_surface_t *surface = create_surface (format, sink, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  draw (cr, width, height, data, style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sink_write, sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

gboolean
rl_chart_export (const char         *path,
                 int                 width,
                 int                 height,
                 RlChartDrawFunc     draw,
                 gconstpointer       data,
                 const RlChartStyle *style,
                 GError            **error)
{
  Format format = format_from_path (path);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(GError) local = NULL;
  Sink sink = { NULL, NULL };
  cairo_status_t status;

  if (format == FORMAT_UNKNOWN)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_UNSUPPORTED,
                   _("Cannot export the chart to “%s”: the file name must end in .png, .svg "
                     "or .pdf"),
                   path);
      return FALSE;
    }
  if (width < 1 || height < 1 || width > 32767 || height > 32767)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   _("Cannot export the chart to “%s”: size %d × %d is out of range"), path, width,
                   height);
      return FALSE;
    }
  /* A temporary file in the same folder, renamed over @path only once all of
   * it is written: a full disk or any other failure leaves the old file. */
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local);
  if (stream == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, _("Cannot write the chart to “%s”: %s"), path,
                   local->message);
      return FALSE;
    }
  sink.stream = G_OUTPUT_STREAM (stream);
  status = render (format, &sink, width, height, draw, data, style);
  if (status != CAIRO_STATUS_SUCCESS || sink.error != NULL)
    {
      /* closed cancelled, the stream does not replace the old file */
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (sink.stream, abandon, NULL);
      g_set_error (error, RL_ERROR, RL_ERROR_IO, _("Cannot write the chart to “%s”: %s"), path,
                   sink.error != NULL ? sink.error->message : cairo_status_to_string (status));
      g_clear_error (&sink.error);
      return FALSE;
    }
  if (!g_output_stream_close (sink.stream, NULL, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, _("Cannot write the chart to “%s”: %s"), path,
                   local->message);
      return FALSE;
    }
  return TRUE;
}

/* Text */

void
rl_chart_text_init (RlChartText *text)
{
  memset (text, 0, sizeof *text);
  text->scale = 1.0;
}

static PangoLayout *
make_layout (cairo_t *cr, const RlChartStyle *style, const RlChartText *text, const char *str)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, style->font_family ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, style->font_size * text->scale * PANGO_SCALE);
  if (text->bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (text->max_width > 0)
    {
      pango_layout_set_width (layout, (int) (text->max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, str != NULL ? str : "", -1);
  return layout;
}

void
rl_chart_text_size (cairo_t            *cr,
                    const RlChartStyle *style,
                    const RlChartText  *text,
                    const char         *str,
                    double             *width,
                    double             *height)
{
  PangoLayout *layout = make_layout (cr, style, text, str);
  PangoRectangle logical;
  double w, h, c, s;

  pango_layout_get_extents (layout, NULL, &logical);
  g_object_unref (layout);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;
  c = fabs (cos (text->angle));
  s = fabs (sin (text->angle));
  if (width != NULL)
    *width = w * c + h * s;
  if (height != NULL)
    *height = w * s + h * c;
}

void
rl_chart_draw_text (cairo_t            *cr,
                    const RlChartStyle *style,
                    const RlChartText  *text,
                    const char         *str,
                    double              x,
                    double              y,
                    RlColor             color)
{
  PangoLayout *layout = make_layout (cr, style, text, str);
  PangoRectangle logical;
  double w, h;

  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, -text->angle);
  cairo_move_to (cr, -text->halign * w - (double) logical.x / PANGO_SCALE,
                 -text->valign * h - (double) logical.y / PANGO_SCALE);
  rl_chart_set_color (cr, color);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  g_object_unref (layout);
}

void
rl_chart_paint_background (cairo_t            *cr,
                           const RlChartStyle *style)
{
  cairo_save (cr);
  rl_chart_set_color (cr, style->background);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
rl_chart_draw_message (cairo_t            *cr,
                       int                 width,
                       int                 height,
                       const RlChartStyle *style,
                       const char         *message)
{
  RlChartText text;

  rl_chart_text_init (&text);
  text.halign = text.valign = 0.5;
  text.max_width = MAX (width - 20, 10);
  rl_chart_paint_background (cr, style);
  rl_chart_draw_text (cr, style, &text, message, width / 2.0, height / 2.0, style->muted);
}

cairo_t *
rl_chart_scratch_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}
