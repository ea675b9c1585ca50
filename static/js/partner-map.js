/* Replace the SVG world map of partner cities with a tile map, where the site has tiles set up.
 * The SVG stays in the page for visitors without JavaScript, for print and if Leaflet fails. */
(function () {
  "use strict";

  var SHAPES = {
    twin_city: "M4 10a6 6 0 1 0 12 0a6 6 0 1 0 -12 0z",
    cooperation_city: "M4.6 4.6h10.8v10.8h-10.8z",
    unesco_city_of_music: "M10 2.2L17.8 10L10 17.8L2.2 10z",
    group: "M6.9 3.4h6.2a3.2 3.2 0 0 1 3.2 3.2v6.8a3.2 3.2 0 0 1 -3.2 3.2h-6.2a3.2 3.2 0 0 1 -3.2 -3.2v-6.8a3.2 3.2 0 0 1 3.2 -3.2z",
    home: "M10 1.5L12 7.2L18.1 7.4L13.3 11.1L15 16.9L10 13.6L5 16.9L6.7 11.1L1.9 7.4L8 7.2z"
  };

  function icon(kind) {
    var shape = SHAPES[kind] ? kind : "cooperation_city";
    return L.divIcon({
      className: "partner-map-icon",
      html: '<svg viewBox="0 0 20 20" aria-hidden="true"><path class="partner-map__marker partner-map__marker--' +
        shape + '" d="' + SHAPES[shape] + '"/></svg>',
      iconSize: [22, 22],
      iconAnchor: [11, 11]
    });
  }

  function build(container) {
    var source = document.getElementById(container.dataset.cities);
    var tileUrl = container.dataset.tileUrl;
    if (!source || !tileUrl || typeof L === "undefined") {
      return;
    }
    var cities = JSON.parse(source.textContent);
    var section = container.closest(".partner-map");
    container.hidden = false;
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", container.dataset.label || "");
    if (section) {
      section.classList.add("partner-map--interactive");
    }

    var map = L.map(container, { worldCopyJump: true, scrollWheelZoom: false });
    L.tileLayer(tileUrl, {
      maxZoom: 18,
      attribution: container.dataset.attribution || ""
    }).addTo(map);

    var bounds = [[52.3759, 9.732]];
    L.marker([52.3759, 9.732], {
      icon: icon("home"),
      title: "Hannover",
      alt: "Hannover",
      keyboard: false,
      interactive: false
    }).addTo(map);

    cities.forEach(function (city) {
      var label = city.name;
      var marker = L.marker([city.lat, city.lon], {
        icon: icon(city.kind),
        title: label,
        alt: label,
        keyboard: true
      }).addTo(map);
      marker.on("click", function () {
        window.location.assign(city.url);
      });
      bounds.push([city.lat, city.lon]);
    });

    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 6 });
  }

  function init() {
    document.querySelectorAll(".partner-map-interactive[data-tile-url]").forEach(build);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
