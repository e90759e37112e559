"""Points that stand for an area: where a gazetteer puts a country.

Sources disagree on a country's point by hundreds of kilometres for large countries: the
CIA World Factbook centre (``countryinfo``'s ``latlng``, whole degrees) puts the United
States at 38 N 97 W, GeoNames at 39.8 N 98.5 W, Wikipedia at 40 N 100 W. GeoNames' and
Wikipedia's points are mostly near the centroid of the country's main landmass, so the
build takes that centroid (from ``countryinfo``'s border polygons) where the country has a
main landmass and the centroid lies within AGREE_KM of the Factbook centre; elsewhere (an
archipelago, a coarse or elongated outline) the Factbook centre is kept.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

# A landmass centroid further than this from the Factbook centre is not taken (a coarse or
# elongated outline, islands beyond the mainland): the Factbook centre is kept.
AGREE_KM = 400.0
# The largest polygon is a country's main landmass if it holds this share of the area.
MAIN_SHARE = 2 / 3


def landmass_centre(geojson: dict | None) -> tuple[float, float] | None:
    """(lat, lon) centroid of the main landmass of a GeoJSON FeatureCollection: its largest
    polygon, if that holds MAIN_SHARE of the area (an archipelago has none).

    Computed in the cylindrical equal-area projection (x = lon, y = sin lat), so a polygon
    reaching far north is not given more weight than its area.
    """
    parts = [found for ring in _outer_rings(geojson or {})
             if (found := _ring_centroid(ring)) is not None]
    if not parts:
        return None
    area, centre = max(parts, key=lambda part: part[0])
    return centre if area >= MAIN_SHARE * sum(part[0] for part in parts) else None


def country_point(factbook: tuple[float, float] | None,
                  landmass: tuple[float, float] | None) -> tuple[float, float] | None:
    """The point a gazetteer gives a country: see the module's docstring."""
    if factbook is None:
        return landmass
    if landmass is None or km(factbook, landmass) > AGREE_KM:
        return factbook
    return landmass


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _outer_rings(geojson: dict) -> Iterator[list]:
    features = geojson.get("features") or [geojson]
    for feature in features:
        geometry = feature.get("geometry") or {}
        coords = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon" and coords:
            yield coords[0]
        elif geometry.get("type") == "MultiPolygon":
            yield from (polygon[0] for polygon in coords if polygon)


def _ring_centroid(ring: list) -> tuple[float, tuple[float, float]] | None:
    """(area, (lat, lon)) of a closed or open ring of [lon, lat] points."""
    points = [(float(p[0]), math.sin(math.radians(float(p[1])))) for p in ring]
    if len(points) < 3:
        return None
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    if abs(area) < 1e-12:
        return None
    lat = math.degrees(math.asin(max(-1.0, min(1.0, cy / (6 * area)))))
    return abs(area), (lat, cx / (6 * area))
