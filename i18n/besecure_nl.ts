<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
  <context>
    <name>besecure</name>
    <message>
      <source>BESECURE</source>
      <translation>BESECURE</translation>
    </message>
    <message>
      <source>BESECURE algorithms…</source>
      <translation>BESECURE-algoritmen…</translation>
    </message>
    <message>
      <source>Show the BESECURE algorithms in the Processing Toolbox</source>
      <translation>Toon de BESECURE-algoritmen in de Processing-toolbox</translation>
    </message>
    <message>
      <source>The {name} dock could not be opened: {error}</source>
      <translation>Het paneel {name} kon niet worden geopend: {error}</translation>
    </message>
    <message>
      <source>The area layer has no areas; choose a polygon layer with at least one feature.</source>
      <translation>De gebiedenlaag heeft geen gebieden; kies een polygoonlaag met ten minste één object.</translation>
    </message>
    <message>
      <source>The period end ({}) must be after its start ({}).</source>
      <translation>Het einde van de periode ({}) moet na het begin ({}) liggen.</translation>
    </message>
    <message>
      <source>Emerging hot spot analysis needs at least {} time steps for the trend test ({} or more are advisable); the incidents from {} to {} fill only {} weekly step(s). Choose a longer period.</source>
      <translation>Analyse van opkomende hotspots heeft ten minste {} tijdstappen nodig voor de trendtoets ({} of meer is aan te raden); de incidenten van {} tot {} vullen maar {} weekstap(pen). Kies een langere periode.</translation>
    </message>
    <message>
      <source>Emerging hot spot analysis needs at least {} time steps for the Mann-Kendall trend test, got {} (10 or more are advisable)</source>
      <translation>Analyse van opkomende hotspots heeft ten minste {} tijdstappen nodig voor de Mann-Kendall-trendtoets, er zijn er {} (10 of meer is aan te raden)</translation>
    </message>
    <message>
      <source>Some Gi* z-scores are undefined (empty neighbourhood or constant time slice); the Mann-Kendall trend needs complete series</source>
      <translation>Sommige Gi*-z-scores zijn ongedefinieerd (lege buurt of constante tijdstap); de Mann-Kendall-trend heeft volledige reeksen nodig</translation>
    </message>
    <message>
      <source>No valid event times; give start and end</source>
      <translation>Geen geldige tijden van gebeurtenissen; geef begin en einde</translation>
    </message>
    <message>
      <source>Emerging hot spot analysis needs at least {} time steps for the trend test ({} or more are advisable); the incidents from {} to {} fill only {} monthly step(s). Choose weekly steps or a longer period.</source>
      <translation>Analyse van opkomende hotspots heeft ten minste {} tijdstappen nodig voor de trendtoets ({} of meer is aan te raden); de incidenten van {} tot {} vullen maar {} maandstap(pen). Kies wekelijkse stappen of een langere periode.</translation>
    </message>
    <message>
      <source>The cube is constant: Gi* is undefined (zero variance)</source>
      <translation>De kubus is constant: Gi* is ongedefinieerd (variantie nul)</translation>
    </message>
    <message>
      <source>Every event needs a valid start time; drop or fix events without one first.</source>
      <translation>Elke gebeurtenis heeft een geldige begintijd nodig; verwijder of herstel gebeurtenissen zonder begintijd eerst.</translation>
    </message>
    <message>
      <source>The before period ({} to {}) and the after period ({} to {}) overlap; an incident may count in one period only.</source>
      <translation>De periode vóór ({} tot {}) en de periode na ({} tot {}) overlappen; een incident mag maar in één periode meetellen.</translation>
    </message>
    <message>
      <source>The after period ({} to {}) lies before the before period ({} to {}); swap them.</source>
      <translation>De periode na ({} tot {}) ligt vóór de periode vóór ({} tot {}); verwissel ze.</translation>
    </message>
    <message>
      <source>Give all four buffer counts (D_b, D_a, Cd_b, Cd_a) or none of them</source>
      <translation>Geef alle vier de aantallen in de buffers (D_b, D_a, Cd_b, Cd_a) of geen ervan</translation>
    </message>
    <message>
      <source>The density raster would have {:,} cells ({:,} rows x {:,} columns), more than the limit of {:,}. Choose a larger cell size or a smaller extent.</source>
      <translation>Het dichtheidsraster zou {:,} cellen hebben ({:,} rijen x {:,} kolommen), meer dan de grens van {:,}. Kies een grotere celgrootte of een kleiner gebied.</translation>
    </message>
    <message>
      <source>The {} must be a positive number of metres, not {}.</source>
      <translation>De {} moet een positief aantal meters zijn, niet {}.</translation>
    </message>
    <message>
      <source>There are no {}.</source>
      <translation>Er zijn geen {}.</translation>
    </message>
    <message>
      <source>The minimum population density must be &gt;= 0, not {}.</source>
      <translation>De minimale bevolkingsdichtheid moet &gt;= 0 zijn, niet {}.</translation>
    </message>
    <message>
      <source>All points coincide: a data-driven bandwidth is undefined; give a fixed bandwidth.</source>
      <translation>Alle punten vallen samen: een bandbreedte uit de gegevens is ongedefinieerd; geef een vaste bandbreedte.</translation>
    </message>
    <message>
      <source>The weights sum to zero; no bandwidth can be estimated.</source>
      <translation>De gewichten tellen op tot nul; er kan geen bandbreedte worden geschat.</translation>
    </message>
    <message>
      <source>More than half of the points lie at one place (their mean centre), so the median distance is zero and the spatial Silverman rule gives no bandwidth; give a fixed bandwidth.</source>
      <translation>Meer dan de helft van de punten ligt op één plaats (hun gemiddelde middelpunt), dus de mediane afstand is nul en de ruimtelijke regel van Silverman geeft geen bandbreedte; geef een vaste bandbreedte.</translation>
    </message>
    <message>
      <source>Likelihood cross-validation needs points at two or more distinct locations.</source>
      <translation>Likelihood-kruisvalidatie heeft punten op twee of meer verschillende plaatsen nodig.</translation>
    </message>
    <message>
      <source>The weights of the {} must be finite and not negative.</source>
      <translation>De gewichten van de {} moeten eindig en niet negatief zijn.</translation>
    </message>
    <message>
      <source>The weight field '{}' is not numeric; choose a field with numbers.</source>
      <translation>Het gewichtsveld '{}' is niet numeriek; kies een veld met getallen.</translation>
    </message>
    <message>
      <source>The weight field '{}' has {:,} negative values (the lowest is {:g}); weights must be zero or more (counts, aoristic weights).</source>
      <translation>Het gewichtsveld '{}' heeft {:,} negatieve waarden (de laagste is {:g}); gewichten moeten nul of meer zijn (aantallen, aoristische gewichten).</translation>
    </message>
    <message>
      <source>The weights in '{}' sum to zero: there is nothing to smooth.</source>
      <translation>De gewichten in '{}' tellen op tot nul: er valt niets te verdelen.</translation>
    </message>
    <message>
      <source>The population has {:,} negative values; residents must be zero or more.</source>
      <translation>De bevolking heeft {:,} negatieve waarden; aantallen inwoners moeten nul of meer zijn.</translation>
    </message>
    <message>
      <source>The population is empty (no residents within reach of the raster); check the population layer, its field and its CRS.</source>
      <translation>De bevolking is leeg (geen inwoners binnen bereik van het raster); controleer de bevolkingslaag, het veld en het CRS.</translation>
    </message>
    <message>
      <source>Optimized hot spot analysis needs at least {} incidents to find a pattern; the layer has {}. Use a longer period or more incident types.</source>
      <translation>Geoptimaliseerde hotspotanalyse heeft ten minste {} incidenten nodig om een patroon te vinden; de laag heeft er {}. Neem een langere periode of meer soorten incidenten.</translation>
    </message>
    <message>
      <source>The incidents lie on one line or at fewer than three places, so they enclose no area to map; give a study area (STUDY_AREA).</source>
      <translation>De incidenten liggen op één lijn of op minder dan drie plaatsen en omsluiten dus geen gebied om te karteren; geef een studiegebied (STUDY_AREA).</translation>
    </message>
    <message>
      <source>A cell size must be a positive number, not {}</source>
      <translation>Een celgrootte moet een positief getal zijn, niet {}</translation>
    </message>
    <message>
      <source>The scale search needs at least 3 distance bands to find a peak</source>
      <translation>Het zoeken naar de schaal heeft ten minste 3 afstandsbanden nodig om een piek te vinden</translation>
    </message>
    <message>
      <source>Hexagons of {:g} m give only {} cells over the {}; a hot spot analysis needs at least {}. Choose a smaller cell size.</source>
      <translation>Zeshoeken van {:g} m geven maar {} cellen over het {}; een hotspotanalyse heeft er ten minste {} nodig. Kies een kleinere celgrootte.</translation>
    </message>
    <message>
      <source>The study area has no polygons.</source>
      <translation>Het studiegebied heeft geen polygonen.</translation>
    </message>
    <message>
      <source>Only {} incidents lie inside the study area; optimized hot spot analysis needs at least {}. Check the study area and the incident layer's CRS.</source>
      <translation>Slechts {} incidenten liggen in het studiegebied; geoptimaliseerde hotspotanalyse heeft er ten minste {} nodig. Controleer het studiegebied en het CRS van de incidentenlaag.</translation>
    </message>
    <message>
      <source>The cell size must be a positive number of metres, not {}.</source>
      <translation>De celgrootte moet een positief aantal meters zijn, niet {}.</translation>
    </message>
    <message>
      <source>The counts of {} must be whole numbers of 0 or more.</source>
      <translation>De aantallen van {} moeten gehele getallen van 0 of meer zijn.</translation>
    </message>
    <message>
      <source>Both periods must have a positive length, got {!r} and {!r}.</source>
      <translation>Beide perioden moeten een positieve lengte hebben, opgegeven: {!r} en {!r}.</translation>
    </message>
    <message>
      <source>The significance level must lie between 0 and 1, got {}.</source>
      <translation>Het significantieniveau moet tussen 0 en 1 liggen, opgegeven: {}.</translation>
    </message>
    <message>
      <source>Unknown window '{}'; choose one of {}.</source>
      <translation>Onbekend venster '{}'; kies een van {}.</translation>
    </message>
    <message>
      <source>Give whole days for period B ({}) to compare with the same period last year.</source>
      <translation>Geef hele dagen voor periode B ({}) om te vergelijken met dezelfde periode vorig jaar.</translation>
    </message>
    <message>
      <source>A window needs at least one day, got {}.</source>
      <translation>Een venster heeft ten minste één dag nodig, opgegeven: {}.</translation>
    </message>
    <message>
      <source>The period end ({}) is not after its start ({}).</source>
      <translation>Het einde van de periode ({}) ligt niet na het begin ({}).</translation>
    </message>
    <message>
      <source>The period's last day ({}) is before its first day ({}).</source>
      <translation>De laatste dag van de periode ({}) ligt vóór de eerste dag ({}).</translation>
    </message>
    <message>
      <source>A reference date is needed for this window.</source>
      <translation>Voor dit venster is een referentiedatum nodig.</translation>
    </message>
    <message>
      <source>Give period B (start and end) to compare it with the same period last year.</source>
      <translation>Geef periode B (begin en einde) om die te vergelijken met dezelfde periode vorig jaar.</translation>
    </message>
    <message>
      <source>Horizontal field of view must be strictly between 0 and 180 degrees; got {}.</source>
      <translation>De horizontale beeldhoek moet strikt tussen 0 en 180 graden liggen; opgegeven: {}.</translation>
    </message>
    <message>
      <source>Horizontal pixel count must be &gt; 0; got {}.</source>
      <translation>Het horizontale aantal pixels moet &gt; 0 zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>Rule set '{}' is not a CCTV rule set.</source>
      <translation>Regelset '{}' is geen CCTV-regelset.</translation>
    </message>
    <message>
      <source>Pixel density must be &gt; 0 px/m.</source>
      <translation>De pixeldichtheid moet &gt; 0 px/m zijn.</translation>
    </message>
    <message>
      <source>Distance must be &gt;= 0 metres.</source>
      <translation>De afstand moet &gt;= 0 meter zijn.</translation>
    </message>
    <message>
      <source>Camera height must be &gt; 0 metres; got {}.</source>
      <translation>De camerahoogte moet &gt; 0 meter zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>EULUMDAT: only {} lines; a file has at least 26 header lines.</source>
      <translation>EULUMDAT: slechts {} regels; een bestand heeft ten minste 26 kopregels.</translation>
    </message>
    <message>
      <source>EULUMDAT: Isym (line 3) is {}; expected 0..4.</source>
      <translation>EULUMDAT: Isym (regel 3) is {}; verwacht 0..4.</translation>
    </message>
    <message>
      <source>EULUMDAT: Nc (line 4), Ng (line 6) and the number of lamp sets (line 26) must be &gt;= 1.</source>
      <translation>EULUMDAT: Nc (regel 4), Ng (regel 6) en het aantal lampsets (regel 26) moeten &gt;= 1 zijn.</translation>
    </message>
    <message>
      <source>EULUMDAT: the file ends inside the lamp data (lines 26a-26f).</source>
      <translation>EULUMDAT: het bestand eindigt midden in de lampgegevens (regels 26a-26f).</translation>
    </message>
    <message>
      <source>EULUMDAT: the total lamp flux (line 26c) must be &gt; 0.</source>
      <translation>EULUMDAT: de totale lichtstroom (regel 26c) moet &gt; 0 zijn.</translation>
    </message>
    <message>
      <source>EULUMDAT: {} numbers after the lamp data; Isym={}, Nc={}, Ng={} need {} (10 direct ratios, C angles, gamma angles, intensities).</source>
      <translation>EULUMDAT: {} getallen na de lampgegevens; Isym={}, Nc={}, Ng={} vragen er {} (10 directe verhoudingen, C-hoeken, gammahoeken, lichtsterkten).</translation>
    </message>
    <message>
      <source>Position of lamp {} is not finite.</source>
      <translation>De positie van lamp {} is niet eindig.</translation>
    </message>
    <message>
      <source>Maintenance factor of lamp {} is {}; it must be in (0, 1].</source>
      <translation>De onderhoudsfactor van lamp {} is {}; die moet in (0, 1] liggen.</translation>
    </message>
    <message>
      <source>Field length must be a finite number &gt; 0; got {}.</source>
      <translation>De veldlengte moet een eindig getal &gt; 0 zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>Path width must be a finite number &gt; 0 metres; got {}.</source>
      <translation>De padbreedte moet een eindig getal &gt; 0 meter zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>The path centreline needs at least 2 vertices.</source>
      <translation>De hartlijn van het pad heeft ten minste 2 hoekpunten nodig.</translation>
    </message>
    <message>
      <source>The path centreline has zero length.</source>
      <translation>De hartlijn van het pad heeft lengte nul.</translation>
    </message>
    <message>
      <source>Rule set '{}' is not a lighting rule set.</source>
      <translation>Regelset '{}' is geen verlichtingsregelset.</translation>
    </message>
    <message>
      <source>Unknown class '{}' in rule set '{}'. Classes: {}.</source>
      <translation>Onbekende klasse '{}' in regelset '{}'. Klassen: {}.</translation>
    </message>
    <message>
      <source>Illuminance values must be a non-empty array of finite numbers.</source>
      <translation>Verlichtingssterkten moeten een niet-lege reeks eindige getallen zijn.</translation>
    </message>
    <message>
      <source>EULUMDAT: expected a number for {}, found '{}'.</source>
      <translation>EULUMDAT: een getal verwacht voor {}, gevonden: '{}'.</translation>
    </message>
    <message>
      <source>Rule set {} must be a JSON object.</source>
      <translation>Regelset {} moet een JSON-object zijn.</translation>
    </message>
    <message>
      <source>Rule set {}: '{}' must be an object.</source>
      <translation>Regelset {}: '{}' moet een object zijn.</translation>
    </message>
    <message>
      <source>Rule set {}: '{}' lacks required key(s) {}.</source>
      <translation>Regelset {}: '{}' mist de verplichte sleutel(s) {}.</translation>
    </message>
    <message>
      <source>Rule set {}: '{}' must be {{"value": &lt;number&gt;, "source": "&lt;text&gt;"}}.</source>
      <translation>Regelset {}: '{}' moet {{"value": &lt;getal&gt;, "source": "&lt;tekst&gt;"}} zijn.</translation>
    </message>
    <message>
      <source>Rule set {}: '{}' must be a non-empty object.</source>
      <translation>Regelset {}: '{}' moet een niet-leeg object zijn.</translation>
    </message>
    <message>
      <source>Rule set '{}' is of kind '{}', expected '{}'.</source>
      <translation>Regelset '{}' is van soort '{}', verwacht '{}'.</translation>
    </message>
    <message>
      <source>Unknown threat '{}'. Known threats: {}.</source>
      <translation>Onbekende dreiging '{}'. Bekende dreigingen: {}.</translation>
    </message>
    <message>
      <source>Stand-off distance at index {} is negative or missing.</source>
      <translation>De afstand tot de beschermingszone bij index {} is negatief of ontbreekt.</translation>
    </message>
    <message>
      <source>Rule set {}: 'classes' must be a non-empty object.</source>
      <translation>Regelset {}: 'classes' moet een niet-leeg object zijn.</translation>
    </message>
    <message>
      <source>Rule set {}: 'classes.{}.any_of' must be a non-empty list.</source>
      <translation>Regelset {}: 'classes.{}.any_of' moet een niet-lege lijst zijn.</translation>
    </message>
    <message>
      <source>Rule set {}: number at '{}' has no source (write it as {{"value": ..., "source": ...}}).</source>
      <translation>Regelset {}: het getal bij '{}' heeft geen bron (schrijf het als {{"value": ..., "source": ...}}).</translation>
    </message>
    <message>
      <source>Rule set {}: number at '{}[{}]' has no source.</source>
      <translation>Regelset {}: het getal bij '{}[{}]' heeft geen bron.</translation>
    </message>
    <message>
      <source>Rule set {}: 'classes.{}.any_of[{}]' needs at least one of {}.</source>
      <translation>Regelset {}: 'classes.{}.any_of[{}]' heeft ten minste een van {} nodig.</translation>
    </message>
    <message>
      <source>Rule set {}: 'rules' must be a non-empty list.</source>
      <translation>Regelset {}: 'rules' moet een niet-lege lijst zijn.</translation>
    </message>
    <message>
      <source>Rule set {}: unknown kind '{}' (expected lighting_classes, cctv_levels, vehicles, standoff, vegetation or principles).</source>
      <translation>Regelset {}: onbekende soort '{}' (verwacht lighting_classes, cctv_levels, vehicles, standoff, vegetation of principles).</translation>
    </message>
    <message>
      <source>Rule set {}: 'rules[{}].operator' must be one of {}.</source>
      <translation>Regelset {}: 'rules[{}].operator' moet een van {} zijn.</translation>
    </message>
    <message>
      <source>Rule set {}: 'rules[{}].attribute' must be one of {}.</source>
      <translation>Regelset {}: 'rules[{}].attribute' moet een van {} zijn.</translation>
    </message>
    <message>
      <source>Rule set {}: 'principles' must be a non-empty list.</source>
      <translation>Regelset {}: 'principles' moet een niet-lege lijst zijn.</translation>
    </message>
    <message>
      <source>Rule set '{}' is not a vehicle rule set.</source>
      <translation>Regelset '{}' is geen voertuigregelset.</translation>
    </message>
    <message>
      <source>Vehicle mass must be &gt; 0 kg; got {}.</source>
      <translation>De massa van het voertuig moet &gt; 0 kg zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>Opening widths must be &gt;= 0 metres.</source>
      <translation>Openingsbreedten moeten &gt;= 0 meter zijn.</translation>
    </message>
    <message>
      <source>Turn radius must be &gt;= 0 metres (inf for a straight).</source>
      <translation>De bochtstraal moet &gt;= 0 meter zijn (inf voor een rechte lijn).</translation>
    </message>
    <message>
      <source>Acceleration a and start speed v0 must be &gt;= 0.</source>
      <translation>Versnelling a en beginsnelheid v0 moeten &gt;= 0 zijn.</translation>
    </message>
    <message>
      <source>Empty barrier rating. {}</source>
      <translation>Lege classificatie van de barrière. {}</translation>
    </message>
    <message>
      <source>Barrier rating '{}' has a zero mass or speed or an impact angle outside (0, 90]. {}</source>
      <translation>Classificatie van barrière '{}' heeft een massa of snelheid van nul of een inslaghoek buiten (0, 90]. {}</translation>
    </message>
    <message>
      <source>Impact speed must be &gt;= 0 m/s; got {}.</source>
      <translation>De inslagsnelheid moet &gt;= 0 m/s zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>ASTM F2656 rates vehicle '{}' at {} mph, not {} ('{}'). {}</source>
      <translation>ASTM F2656 classificeert voertuig '{}' op {} mph, niet {} ('{}'). {}</translation>
    </message>
    <message>
      <source>Cannot read barrier rating '{}'. {}</source>
      <translation>De classificatie van barrière '{}' is niet te lezen. {}</translation>
    </message>
    <message>
      <source>The zone layer has no polygon.</source>
      <translation>De zonelaag heeft geen polygoon.</translation>
    </message>
    <message>
      <source>The acceleration must be &gt; 0 m/s².</source>
      <translation>De versnelling moet &gt; 0 m/s² zijn.</translation>
    </message>
    <message>
      <source>The lamp reach must be &gt; 0 metres; got {}.</source>
      <translation>Het bereik van een lamp moet &gt; 0 meter zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>The raster cell size must be &gt; 0 metres; got {}.</source>
      <translation>De celgrootte van het raster moet &gt; 0 meter zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>The illuminance raster would have {:,} cells ({} x {} of {:g} m), more than the limit of {:,}; use a larger cell size or a smaller raster extent.</source>
      <translation>Het verlichtingsraster zou {:,} cellen hebben ({} x {} van {:g} m), meer dan de grens van {:,}; neem een grotere celgrootte of een kleiner rastergebied.</translation>
    </message>
    <message>
      <source>Unknown lighting class '{}'. Classes of this rule set: {}.</source>
      <translation>Onbekende verlichtingsklasse '{}'. Klassen van deze regelset: {}.</translation>
    </message>
    <message>
      <source>No path has a lighting class: set CLASS_FIELD or CLASS (e.g. P4).</source>
      <translation>Geen pad heeft een verlichtingsklasse: stel CLASS_FIELD of CLASS in (bijv. P4).</translation>
    </message>
    <message>
      <source>The sample spacing must be &gt; 0 metres; got {}.</source>
      <translation>De afstand tussen meetpunten moet &gt; 0 meter zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>Openings need finite positions and facings and a view angle within (0, 360] degrees.</source>
      <translation>Openingen hebben eindige posities en kijkrichtingen nodig en een kijkhoek binnen (0, 360] graden.</translation>
    </message>
    <message>
      <source>A light distribution needs the flux it emits (reference_flux_lm &gt; 0).</source>
      <translation>Een lichtverdeling heeft de lichtstroom nodig die ze uitzendt (reference_flux_lm &gt; 0).</translation>
    </message>
    <message>
      <source>None of the {} lamps has a usable mounting height, flux and maintenance factor; fill in the fields or give HEIGHT and FLUX for all lamps.</source>
      <translation>Geen van de {} lampen heeft een bruikbare lichtpunthoogte, lichtstroom en onderhoudsfactor; vul de velden in of geef HEIGHT en FLUX voor alle lampen.</translation>
    </message>
    <message>
      <source>The EN 13201 calculation grids would have more than {:,} points (path {} is {:g} m wide and {:g} m long); check the path widths (PATH_WIDTH, the width field).</source>
      <translation>De EN 13201-rekenrasters zouden meer dan {:,} punten hebben (pad {} is {:g} m breed en {:g} m lang); controleer de padbreedten (PATH_WIDTH, het breedteveld).</translation>
    </message>
    <message>
      <source>Camera '{}' (feature {}) has no viewing direction in '{}'; {} camera(s) like this. Fill in the field or fix the value.</source>
      <translation>Camera '{}' (object {}) heeft geen kijkrichting in '{}'; {} camera('s) zoals deze. Vul het veld in of herstel de waarde.</translation>
    </message>
    <message>
      <source>Camera '{}' (feature {}) has a field of view outside 0-180 degrees; {} camera(s) like this. Fill in the field or fix the value.</source>
      <translation>Camera '{}' (object {}) heeft een beeldhoek buiten 0-180 graden; {} camera('s) zoals deze. Vul het veld in of herstel de waarde.</translation>
    </message>
    <message>
      <source>Camera '{}' (feature {}) has no positive horizontal resolution; {} camera(s) like this. Fill in the field or fix the value.</source>
      <translation>Camera '{}' (object {}) heeft geen positieve horizontale resolutie; {} camera('s) zoals deze. Vul het veld in of herstel de waarde.</translation>
    </message>
    <message>
      <source>Camera '{}' (feature {}) has a mounting height &lt;= 0 m; {} camera(s) like this. Fill in the field or fix the value.</source>
      <translation>Camera '{}' (object {}) heeft een montagehoogte &lt;= 0 m; {} camera('s) zoals deze. Vul het veld in of herstel de waarde.</translation>
    </message>
    <message>
      <source>Camera '{}' (feature {}) has a maximum range &lt;= 0 m; {} camera(s) like this. Fill in the field or fix the value.</source>
      <translation>Camera '{}' (object {}) heeft een maximaal bereik &lt;= 0 m; {} camera('s) zoals deze. Vul het veld in of herstel de waarde.</translation>
    </message>
    <message>
      <source>A {:g} m {} grid over this extent ({:.1f} km x {:.1f} km) would have {:,} cells, more than the limit of {:,}. Choose a larger cell size or a smaller extent.</source>
      <translation>Een {:g} m {}-raster over dit gebied ({:.1f} km x {:.1f} km) zou {:,} cellen hebben, meer dan de grens van {:,}. Kies een grotere celgrootte of een kleiner gebied.</translation>
    </message>
    <message>
      <source>The snapping tolerance must be &gt;= 0 metres; got {}.</source>
      <translation>De snaptolerantie moet &gt;= 0 meter zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>The network layer has no line with two distinct vertices.</source>
      <translation>De netwerklaag heeft geen lijn met twee verschillende hoekpunten.</translation>
    </message>
    <message>
      <source>The highest speed must be a finite number &gt; 0.</source>
      <translation>De hoogste snelheid moet een eindig getal &gt; 0 zijn.</translation>
    </message>
    <message>
      <source>Acceleration and start speed must be &gt;= 0, friction and the turn look-ahead &gt; 0.</source>
      <translation>Versnelling en beginsnelheid moeten &gt;= 0 zijn, wrijving en de vooruitblik in bochten &gt; 0.</translation>
    </message>
    <message>
      <source>A spatial autocorrelation statistic needs at least 3 features, got {}</source>
      <translation>Een maat voor ruimtelijke autocorrelatie heeft ten minste 3 objecten nodig, er zijn er {}</translation>
    </message>
    <message>
      <source>The values contain NaN or infinite numbers; drop or fill missing values first</source>
      <translation>De waarden bevatten NaN of oneindige getallen; verwijder of vul ontbrekende waarden eerst</translation>
    </message>
    <message>
      <source>All values are equal; spatial autocorrelation needs variation in the values (pick another field or a larger area)</source>
      <translation>Alle waarden zijn gelijk; ruimtelijke autocorrelatie vraagt om variatie in de waarden (kies een ander veld of een groter gebied)</translation>
    </message>
    <message>
      <source>Getis-Ord Gi needs binary weights; use w.binary() (distance band, contiguity)</source>
      <translation>Getis-Ord Gi heeft binaire gewichten nodig; gebruik w.binary() (afstandsband, aangrenzing)</translation>
    </message>
    <message>
      <source>The weights have no links at all; no feature has a neighbour</source>
      <translation>De gewichten bevatten geen enkele koppeling; geen object heeft een buur</translation>
    </message>
    <message>
      <source>General G needs binary weights; use w.binary()</source>
      <translation>General G heeft binaire gewichten nodig; gebruik w.binary()</translation>
    </message>
    <message>
      <source>General G needs non-negative values (counts, rates); use global Moran's I otherwise</source>
      <translation>General G heeft niet-negatieve waarden nodig (aantallen, ratio's); gebruik anders de globale Moran's I</translation>
    </message>
    <message>
      <source>The nearest neighbour index needs at least 2 points, got {}</source>
      <translation>De naaste-buurindex heeft ten minste 2 punten nodig, er zijn er {}</translation>
    </message>
    <message>
      <source>The coordinates contain NaN or infinite values; drop empty geometries first</source>
      <translation>De coördinaten bevatten NaN of oneindige waarden; verwijder lege geometrieën eerst</translation>
    </message>
    <message>
      <source>Some points coincide, which gives an infinite inverse-distance weight; merge duplicate points or use binary weights</source>
      <translation>Sommige punten vallen samen, wat een oneindig gewicht naar inverse afstand geeft; voeg dubbele punten samen of gebruik binaire gewichten</translation>
    </message>
    <message>
      <source>K = {} needs more than {} points; the layer has {}</source>
      <translation>K = {} vraagt meer dan {} punten; de laag heeft er {}</translation>
    </message>
    <message>
      <source>A distance band needs at least 2 points, got {}</source>
      <translation>Een afstandsband heeft ten minste 2 punten nodig, er zijn er {}</translation>
    </message>
    <message>
      <source>zone</source>
      <translation>zone</translation>
    </message>
    <message>
      <source>The {} layer must contain points, lines or polygons.</source>
      <translation>De {}-laag moet punten, lijnen of polygonen bevatten.</translation>
    </message>
    <message>
      <source>Own rule set (JSON, optional)</source>
      <translation>Eigen regelset (JSON, optioneel)</translation>
    </message>
    <message>
      <source>The rule set '{}' is of kind '{}'; this check needs a '{}' rule set (like knowledge/rulesets/{}.json).</source>
      <translation>De regelset '{}' is van soort '{}'; deze toets heeft een regelset van soort '{}' nodig (zoals knowledge/rulesets/{}.json).</translation>
    </message>
    <message>
      <source>The {} layer '{}' has no polygon with a usable geometry.</source>
      <translation>De {}-laag '{}' heeft geen polygoon met een bruikbare geometrie.</translation>
    </message>
    <message>
      <source>The {} layer '{}' has no lines with a usable geometry.</source>
      <translation>De {}-laag '{}' heeft geen lijnen met een bruikbare geometrie.</translation>
    </message>
    <message>
      <source>The {} layer must contain polygons (or closed boundary lines).</source>
      <translation>De {}-laag moet polygonen bevatten (of gesloten grenslijnen).</translation>
    </message>
    <message>
      <source>barriers</source>
      <translation>barrières</translation>
    </message>
    <message>
      <source>No rating field given: every barrier counts as unrated.</source>
      <translation>Geen ratingveld opgegeven: elke barrière telt als niet gecertificeerd.</translation>
    </message>
    <message>
      <source>The barrier layer must contain points (bollards) or lines (walls, fences, rated barriers).</source>
      <translation>De barrièrelaag moet punten (paaltjes) of lijnen (muren, hekken, geclassificeerde barrières) bevatten.</translation>
    </message>
    <message>
      <source>A city's own edited copy of knowledge/rulesets/{}.json; checked before use.</source>
      <translation>Een eigen bewerkte kopie van knowledge/rulesets/{}.json van de gemeente; wordt vóór gebruik gecontroleerd.</translation>
    </message>
    <message>
      <source>{} barrier elements read.</source>
      <translation>{} barrière-elementen gelezen.</translation>
    </message>
    <message>
      <source>{} {} boundaries were not closed; they were closed before use.</source>
      <translation>{} {}grenzen waren niet gesloten; ze zijn vóór gebruik gesloten.</translation>
    </message>
    <message>
      <source>The barrier layer '{}' has no feature with a usable geometry; the entries are assessed without its barriers.</source>
      <translation>De barrièrelaag '{}' heeft geen object met een bruikbare geometrie; de toegangen worden beoordeeld zonder haar barrières.</translation>
    </message>
    <message>
      <source>The {} boundary line (feature {}) is not closed: its ends are {:.2f} m apart. Close the line, or give the {} as a polygon layer.</source>
      <translation>De grenslijn van {} (object {}) is niet gesloten: de uiteinden liggen {:.2f} m uit elkaar. Sluit de lijn, of geef de {} als polygoonlaag.</translation>
    </message>
    <message>
      <source>{} of {} barriers have no rating; an entry they close is 'unrated'.</source>
      <translation>{} van {} barrières hebben geen rating; een toegang die zij afsluiten is 'unrated'.</translation>
    </message>
    <message>
      <source>bollard {}</source>
      <translation>paal {}</translation>
    </message>
    <message>
      <source>The barrier layer '{}' has no field '{}': its barriers are unrated.</source>
      <translation>De barrièrelaag '{}' heeft geen veld '{}': haar barrières zijn niet gecertificeerd.</translation>
    </message>
    <message>
      <source>barrier {}</source>
      <translation>barrière {}</translation>
    </message>
    <message>
      <source>BESECURE: the algorithm module '{}' could not be loaded:
{}</source>
      <translation>BESECURE: de algoritmemodule '{}' kon niet worden geladen:
{}</translation>
    </message>
    <message>
      <source>Aggregate incidents</source>
      <translation>Incidenten aggregeren</translation>
    </message>
    <message>
      <source>crime map,aggregate,count,hexagon,hex grid,square grid,grid,points in polygon,choropleth,concentration</source>
      <translation>criminaliteitskaart,aggregeren,tellen,zeshoek,zeshoekraster,vierkant raster,raster,punten in polygoon,choropleet,concentratie</translation>
    </message>
    <message>
      <source>Counts incidents per square cell, hexagon or zone and writes the crime map analysts use: counts, density, rate per 1,000 residents, share of all incidents, rank and cumulative share (the 80/20 concentration), one count per category, and optional suppression of small counts for publication.</source>
      <translation>Telt incidenten per vierkante cel, zeshoek of gebied en maakt de criminaliteitskaart die analisten gebruiken: aantallen, dichtheid, aantal per 1.000 inwoners, aandeel van alle incidenten, rang en cumulatief aandeel (de 80/20-concentratie), een telling per categorie en desgewenst het onderdrukken van kleine aantallen voor publicatie.</translation>
    </message>
    <message>
      <source>Optional field with the incident type: one count column n_&lt;type&gt; per type (the 39 most frequent; the rest in n_other).</source>
      <translation>Optioneel veld met het soort incident: één telkolom n_&lt;soort&gt; per soort (de 39 meest voorkomende; de rest in n_other).</translation>
    </message>
    <message>
      <source>For publishing: counts from 1 to this value minus 1 are withheld (null, suppressed = 1) with everything derived from them. 0 = show all.</source>
      <translation>Voor publicatie: aantallen van 1 tot deze waarde min 1 worden weggelaten (leeg, suppressed = 1), met alles wat ervan is afgeleid. 0 = alles tonen.</translation>
    </message>
    <message>
      <source>Polygons with cell_id (grids) or the zone id, count, n_&lt;category&gt;, area_km2, per_km2 (incidents per km²), population and rate_1000 (with population), share, rank, cum_share and suppressed. CRS: the working CRS, stated in the log.</source>
      <translation>Polygonen met cell_id (rasters) of de gebieds-id, count, n_&lt;categorie&gt;, area_km2, per_km2 (incidenten per km²), population en rate_1000 (met bevolking), share, rank, cum_share en suppressed. CRS: het werk-CRS, vermeld in het logboek.</translation>
    </message>
    <message>
      <source>Grid cells are found by arithmetic on coordinates (a point on a cell edge belongs to the cell on its right/top; a point equidistant from two hexagon centres to the even column). Zones use an exact point-in-polygon test; a point on a boundary shared by two zones is counted once, in the first zone in layer order. Incidents outside every unit are left out and reported in the log. Concentration: Weisburd (2015), the law of crime concentration.</source>
      <translation>Rastercellen volgen uit rekenen met coördinaten (een punt op een celrand hoort bij de cel rechts/boven; een punt even ver van twee zeshoekmiddens bij de even kolom). Gebieden gebruiken een exacte punt-in-polygoontoets; een punt op een grens van twee gebieden telt één keer mee, in het eerste gebied in de laagvolgorde. Incidenten buiten alle eenheden tellen niet mee en worden in het logboek gemeld. Concentratie: Weisburd (2015), de wet van criminaliteitsconcentratie.</translation>
    </message>
    <message>
      <source>Rank 1 is the unit with most incidents; cum_share tells which share of all incidents the units up to this rank hold, e.g. 'the top 5 % of cells hold 50 % of burglaries'.</source>
      <translation>Rang 1 is de eenheid met de meeste incidenten; cum_share zegt welk deel van alle incidenten in de eenheden tot en met deze rang valt, bijvoorbeeld 'de top 5 % van de cellen heeft 50 % van de inbraken'.</translation>
    </message>
    <message>
      <source>Minimum count to publish (0 = all)</source>
      <translation>Minimaal te publiceren aantal (0 = alles)</translation>
    </message>
    <message>
      <source>{what} per {unit}</source>
      <translation>{what} per {unit}</translation>
    </message>
    <message>
      <source>Category field</source>
      <translation>Categorieveld</translation>
    </message>
    <message>
      <source>Incidents per unit</source>
      <translation>Incidenten per eenheid</translation>
    </message>
    <message>
      <source>{} incidents counted in {} units; the top 20 % of units hold {:.0%} of them.</source>
      <translation>{} incidenten geteld in {} eenheden; de top 20 % van de eenheden heeft er {:.0%} van.</translation>
    </message>
    <message>
      <source>{} incidents fall outside every unit and are not counted.</source>
      <translation>{} incidenten liggen buiten alle eenheden en tellen niet mee.</translation>
    </message>
    <message>
      <source>CCTV coverage (EN 62676-4)</source>
      <translation>Camerabereik (EN 62676-4)</translation>
    </message>
    <message>
      <source>CCTV,camera,video surveillance,coverage,field of view,DORI,EN 62676-4,security by design</source>
      <translation>camera,cameratoezicht,dekking,gezichtsveld,DORI,EN 62676-4,sociale veiligheid</translation>
    </message>
    <message>
      <source>Maps what each camera sees and how well: its field of view is cut by the buildings in front of it and split into the EN 62676-4 observation levels by pixel density (monitor, detect, observe, recognise, identify). Reports for each target zone or path the share covered at each level, and maps the blind spots.</source>
      <translation>Brengt in kaart wat elke camera ziet en hoe goed: het beeldveld wordt afgesneden door de gebouwen ervoor en naar pixeldichtheid verdeeld in de waarnemingsniveaus van EN 62676-4 (monitor, detect, observe, recognise, identify). Geeft voor elke doelzone of elk pad het aandeel dat op elk niveau gezien wordt, en brengt de dode hoeken in kaart.</translation>
    </message>
    <message>
      <source>Camera points. Cameras within SNAP_DISTANCE of a facade are moved onto it and look out of it.</source>
      <translation>Camerapunten. Camera's binnen SNAP_DISTANCE van een gevel worden erop gezet en kijken eruit.</translation>
    </message>
    <message>
      <source>Optional field that names a camera in the outputs (camera_id).</source>
      <translation>Optioneel veld dat een camera in de uitvoer een naam geeft (camera_id).</translation>
    </message>
    <message>
      <source>Optional numeric field with the mounting height in metres: pixel density is then taken at the slant distance to a target at TARGET_HEIGHT. Without it, plan distances are used.</source>
      <translation>Optioneel numeriek veld met de montagehoogte in meters: de pixeldichtheid geldt dan op de schuine afstand tot een doel op TARGET_HEIGHT. Zonder dit veld worden afstanden in het platte vlak gebruikt.</translation>
    </message>
    <message>
      <source>Numeric field with the viewing direction of the camera's optical axis, degrees from north, clockwise. Required: a camera without one stops the run with its id.</source>
      <translation>Numeriek veld met de kijkrichting van de optische as van de camera, in graden vanaf het noorden, met de klok mee. Verplicht: een camera zonder kijkrichting stopt de berekening met zijn naam.</translation>
    </message>
    <message>
      <source>Optional numeric field with the horizontal field of view in degrees (0-180).</source>
      <translation>Optioneel numeriek veld met de horizontale beeldhoek in graden (0-180).</translation>
    </message>
    <message>
      <source>Horizontal field of view in degrees for cameras without a field (default 90).</source>
      <translation>Horizontale beeldhoek in graden voor camera's zonder veld (standaard 90).</translation>
    </message>
    <message>
      <source>Optional numeric field with the horizontal resolution in pixels.</source>
      <translation>Optioneel numeriek veld met de horizontale resolutie in pixels.</translation>
    </message>
    <message>
      <source>Horizontal resolution in pixels for cameras without a field (default 1920).</source>
      <translation>Horizontale resolutie in pixels voor camera's zonder veld (standaard 1920).</translation>
    </message>
    <message>
      <source>Optional numeric field with a camera's maximum useful range in metres (lens, light).</source>
      <translation>Optioneel numeriek veld met het maximale bruikbare bereik van een camera in meters (lens, licht).</translation>
    </message>
    <message>
      <source>Maximum range in metres for cameras without one (0 = none).</source>
      <translation>Maximaal bereik in meters voor camera's zonder bereik (0 = geen).</translation>
    </message>
    <message>
      <source>Height in metres of the target (a face: 1.7 m) for the slant distance.</source>
      <translation>Hoogte in meters van het doel (een gezicht: 1,7 m) voor de schuine afstand.</translation>
    </message>
    <message>
      <source>Building footprints that block the view (2-D: every building is taller than the camera).</source>
      <translation>Gebouwcontouren die het zicht blokkeren (2-D: elk gebouw is hoger dan de camera).</translation>
    </message>
    <message>
      <source>Zones (polygons) or paths (lines) that must be watched.</source>
      <translation>Zones (polygonen) of paden (lijnen) die bewaakt moeten worden.</translation>
    </message>
    <message>
      <source>Optional field that names a target in the outputs (target_id).</source>
      <translation>Optioneel veld dat een doel in de uitvoer een naam geeft (target_id).</translation>
    </message>
    <message>
      <source>Observation level the targets need; the blind spots are where no camera reaches it.</source>
      <translation>Waarnemingsniveau dat de doelen nodig hebben; dode hoeken zijn plekken waar geen camera het haalt.</translation>
    </message>
    <message>
      <source>A target passes when at least this share is covered at the required level (default 0.95, a project default).</source>
      <translation>Een doel voldoet als ten minste dit aandeel op het vereiste niveau gezien wordt (standaard 0,95, een projectkeuze).</translation>
    </message>
    <message>
      <source>Optional JSON rule set with other pixel densities (layout of knowledge/rulesets/cctv_en62676.json).</source>
      <translation>Optionele regelset in JSON met andere pixeldichtheden (opbouw van knowledge/rulesets/cctv_en62676.json).</translation>
    </message>
    <message>
      <source>Cameras closer than this many metres to a facade are moved onto it (default 0.5 m).</source>
      <translation>Camera's dichter dan zoveel meter bij een gevel worden erop gezet (standaard 0,5 m).</translation>
    </message>
    <message>
      <source>Coverage polygons per camera and level (camera_id, level, px_per_m, reach_m, area_m2): the area where the camera reaches at least that level. Levels are nested; identify is the smallest.</source>
      <translation>Bereikpolygonen per camera en niveau (camera_id, level, px_per_m, reach_m, area_m2): het gebied waar de camera ten minste dat niveau haalt. De niveaus liggen in elkaar; identify is het kleinste.</translation>
    </message>
    <message>
      <source>Per target: measure (m² or m), share_&lt;level&gt; for each level (share covered by at least one camera), n_cameras (cameras seeing part of it), verdict and reason.</source>
      <translation>Per doel: maat (m² of m), share_&lt;niveau&gt; voor elk niveau (aandeel gezien door ten minste één camera), n_cameras (camera's die een deel ervan zien), oordeel en reden.</translation>
    </message>
    <message>
      <source>Blind spots: the parts of the targets (buildings left out) that no camera covers at the required level, with their area_m2 or length_m.</source>
      <translation>Dode hoeken: de delen van de doelen (zonder gebouwen) die geen camera op het vereiste niveau ziet, met hun area_m2 of length_m.</translation>
    </message>
    <message>
      <source>Pixel density at distance D: P = N_px / (2 D tan(HFOV / 2)); EN 62676-4:2015 levels monitor 12.5, detect 25, observe 62.5, recognise 125, identify 250 px/m (1920 px at 90 degrees: observe to 15.4 m, recognise 7.7 m, identify 3.8 m). Each level's wedge is intersected with the camera's exact isovist among the buildings (rotational sweep); shares and blind spots are exact polygon overlays in QGIS's geometry engine (GEOS).</source>
      <translation>Pixeldichtheid op afstand D: P = N_px / (2 D tan(HFOV / 2)); niveaus van EN 62676-4:2015: monitor 12,5, detect 25, observe 62,5, recognise 125, identify 250 px/m (1920 px bij 90 graden: observe tot 15,4 m, recognise 7,7 m, identify 3,8 m). De sector van elk niveau wordt gesneden met de exacte isovist van de camera tussen de gebouwen (draaiende scan); aandelen en dode hoeken zijn exacte polygoonbewerkingen in de geometrie-engine van QGIS (GEOS).</translation>
    </message>
    <message>
      <source>A target's share at a level is the part where at least one camera reaches that level. Blind spots show where to add or turn a camera; the vertical field of view and lighting at night are not modelled.</source>
      <translation>Het aandeel van een doel op een niveau is het deel waar ten minste één camera dat niveau haalt. Dode hoeken tonen waar een camera bij moet of gedraaid moet worden; de verticale beeldhoek en verlichting 's nachts worden niet gemodelleerd.</translation>
    </message>
    <message>
      <source>Horizontal field of view (degrees)</source>
      <translation>Horizontale beeldhoek (graden)</translation>
    </message>
    <message>
      <source>Horizontal resolution (pixels)</source>
      <translation>Horizontale resolutie (pixels)</translation>
    </message>
    <message>
      <source>Maximum range (m, 0 = none)</source>
      <translation>Maximaal bereik (m, 0 = geen)</translation>
    </message>
    <message>
      <source>Target height (m)</source>
      <translation>Hoogte van het doel (m)</translation>
    </message>
    <message>
      <source>Required covered share of a target</source>
      <translation>Vereist gezien aandeel van een doel</translation>
    </message>
    <message>
      <source>Snap cameras to facades within (m)</source>
      <translation>Camera's op gevels zetten binnen (m)</translation>
    </message>
    <message>
      <source>Give AZIMUTH_FIELD: the field with each camera's viewing direction (degrees from north).</source>
      <translation>Geef AZIMUTH_FIELD: het veld met de kijkrichting van elke camera (graden vanaf het noorden).</translation>
    </message>
    <message>
      <source>cameras</source>
      <translation>camera's</translation>
    </message>
    <message>
      <source>The rule set has no level '{}'. Its levels: {}.</source>
      <translation>De regelset heeft geen niveau '{}'. Zijn niveaus: {}.</translation>
    </message>
    <message>
      <source>targets</source>
      <translation>doelen</translation>
    </message>
    <message>
      <source>Cameras (points)</source>
      <translation>Camera's (punten)</translation>
    </message>
    <message>
      <source>Camera name field</source>
      <translation>Veld cameranaam</translation>
    </message>
    <message>
      <source>Mounting height field (m)</source>
      <translation>Veld lichtpunthoogte (m)</translation>
    </message>
    <message>
      <source>Viewing direction field (degrees)</source>
      <translation>Veld kijkrichting (graden)</translation>
    </message>
    <message>
      <source>Horizontal field of view field (degrees)</source>
      <translation>Veld horizontale beeldhoek (graden)</translation>
    </message>
    <message>
      <source>Horizontal resolution field (pixels)</source>
      <translation>Veld horizontale resolutie (pixels)</translation>
    </message>
    <message>
      <source>Maximum range field (m)</source>
      <translation>Veld maximaal bereik (m)</translation>
    </message>
    <message>
      <source>Buildings</source>
      <translation>Gebouwen</translation>
    </message>
    <message>
      <source>Target zones or paths</source>
      <translation>Doelzones of -paden</translation>
    </message>
    <message>
      <source>Target name field</source>
      <translation>Veld doelnaam</translation>
    </message>
    <message>
      <source>Required level</source>
      <translation>Vereist niveau</translation>
    </message>
    <message>
      <source>Camera coverage</source>
      <translation>Camerabereik</translation>
    </message>
    <message>
      <source>Coverage of the targets</source>
      <translation>Bereik van de doelen</translation>
    </message>
    <message>
      <source>Blind spots</source>
      <translation>Dode hoeken</translation>
    </message>
    <message>
      <source>Monitor</source>
      <translation>Monitoren (monitor)</translation>
    </message>
    <message>
      <source>Detect</source>
      <translation>Detecteren (detect)</translation>
    </message>
    <message>
      <source>Observe</source>
      <translation>Observeren (observe)</translation>
    </message>
    <message>
      <source>Recognise</source>
      <translation>Herkennen (recognise)</translation>
    </message>
    <message>
      <source>Identify</source>
      <translation>Identificeren (identify)</translation>
    </message>
    <message>
      <source>Own rule set (JSON)</source>
      <translation>Eigen regelset (JSON)</translation>
    </message>
    <message>
      <source>{} cameras, {} coverage polygons; {} of {} targets covered at '{}'; {} blind spots.</source>
      <translation>{} camera's, {} bereikpolygonen; {} van {} doelen gezien op '{}'; {} dode hoeken.</translation>
    </message>
    <message>
      <source>{} cameras see nothing (inside a building, or no level reaches the ground): {}.</source>
      <translation>{} camera's zien niets (in een gebouw, of geen niveau bereikt de grond): {}.</translation>
    </message>
    <message>
      <source>Concealment and escape routes</source>
      <translation>Verstopplekken en vluchtroutes</translation>
    </message>
    <message>
      <source>concealment,hiding place,escape route,vegetation,dead end,sight line,CPTED,security by design</source>
      <translation>verschuilen,schuilplek,vluchtroute,beplanting,doodlopend,zichtlijn,CPTED,sociale veiligheid</translation>
    </message>
    <message>
      <source>Checks planting and boundaries beside paths against the concealment rules of Secured by Design / CPTED (shrubs low, tree crowns raised, front boundaries low, rear boundaries high) and the footpath network for entrapment: dead ends, and stretches of path farther than a set distance from an exit.</source>
      <translation>Toetst beplanting en erfafscheidingen naast paden aan de regels tegen verstopplekken van Secured by Design / CPTED (struiken laag, boomkronen opgekroond, erfafscheidingen aan de voorkant laag, aan de achterkant hoog) en het voetpadennetwerk op insluiting: doodlopende paden en stukken pad verder dan een ingestelde afstand van een uitgang.</translation>
    </message>
    <message>
      <source>Vegetation and street furniture: points, lines (hedges, fences, walls) or polygons (shrub beds), any CRS.</source>
      <translation>Beplanting en straatmeubilair: punten, lijnen (hagen, hekken, muren) of polygonen (heesterborders), elk CRS.</translation>
    </message>
    <message>
      <source>Numeric field with the height in metres (mature height for planting).</source>
      <translation>Numeriek veld met de hoogte in meter (eindhoogte voor beplanting).</translation>
    </message>
    <message>
      <source>Optional numeric field with the height of a tree's lowest branches in metres.</source>
      <translation>Optioneel numeriek veld met de hoogte van de laagste takken van een boom in meter.</translation>
    </message>
    <message>
      <source>Optional field with the kind of object as named in the rule set: shrub, tree, front_boundary, rear_boundary (case does not matter). Objects of other kinds are not assessed.</source>
      <translation>Optioneel veld met de soort object zoals genoemd in de regelset: shrub, tree, front_boundary, rear_boundary (hoofdletters maken niet uit). Objecten van andere soorten worden niet beoordeeld.</translation>
    </message>
    <message>
      <source>Kind of objects without a kind field or value (default shrub).</source>
      <translation>Soort van objecten zonder soortveld of -waarde (standaard shrub).</translation>
    </message>
    <message>
      <source>Footpaths (lines): the objects are judged by their distance to them, and they form the network for the escape check.</source>
      <translation>Voetpaden (lijnen): de objecten worden beoordeeld op hun afstand ertoe, en ze vormen het netwerk voor de vluchtroutecontrole.</translation>
    </message>
    <message>
      <source>Width in metres of the clear strip either side of a path where the near-path rules apply (default: the rule set's clear_strip_m, 2 m).</source>
      <translation>Breedte in meter van de vrije strook aan weerszijden van een pad waarin de regels voor naast het pad gelden (standaard: clear_strip_m van de regelset, 2 m).</translation>
    </message>
    <message>
      <source>Optional own concealment rule set (JSON, the layout of knowledge/rulesets/secured_by_design.json).</source>
      <translation>Optionele eigen regelset voor verstopplekken (JSON, met de opbouw van knowledge/rulesets/secured_by_design.json).</translation>
    </message>
    <message>
      <source>Optional exits, one or more layers of any geometry: gates and entrances (points, joined to the nearest path), streets (lines) and squares (polygons); a path end or junction within EXIT_TOLERANCE of them is a way out. Without exits every junction of three or more paths counts as a way out.</source>
      <translation>Optionele uitgangen, een of meer lagen van elk geometrietype: poorten en ingangen (punten, verbonden met het dichtstbijzijnde pad), straten (lijnen) en pleinen (polygonen); een paduiteinde of kruising binnen EXIT_TOLERANCE ervan is een uitweg. Zonder uitgangen telt elke kruising van drie of meer paden als uitweg.</translation>
    </message>
    <message>
      <source>Exit points within this many metres of a path are joined to it, and path nodes within this distance of an exit line or polygon are exits (default 5 m).</source>
      <translation>Uitgangspunten binnen zoveel meter van een pad worden ermee verbonden, en padknopen binnen die afstand van een uitganglijn of -polygoon zijn uitgangen (standaard 5 m).</translation>
    </message>
    <message>
      <source>Path stretches farther than this many metres along the paths from the nearest exit are flagged (default 100 m, a project default to set for your area).</source>
      <translation>Stukken pad die langs de paden verder dan zoveel meter van de dichtstbijzijnde uitgang liggen worden gemarkeerd (standaard 100 m, een projectstandaard om voor uw gebied in te stellen).</translation>
    </message>
    <message>
      <source>Path ends and junctions closer than this many metres are joined (default 0.5 m, at most 10 m).</source>
      <translation>Eindpunten en kruisingen van paden die dichter dan dit aantal meters bij elkaar liggen, worden verbonden (standaard 0,5 m, ten hoogste 10 m).</translation>
    </message>
    <message>
      <source>Objects with kind, height_m, crown_base_m, distance_m to the nearest path, verdict (pass, fail, not_assessed), rule, reason and source (where the rule's value is published).</source>
      <translation>Objecten met kind, height_m, crown_base_m, distance_m tot het dichtstbijzijnde pad, verdict (pass, fail, not_assessed), rule, reason en source (waar de waarde van de regel is gepubliceerd).</translation>
    </message>
    <message>
      <source>Footpath pieces with exit_distance_m (the farthest distance to an exit along the network on the piece), verdict (ok, too_far) and dead_end (1 on a cul-de-sac branch).</source>
      <translation>Stukken voetpad met exit_distance_m (de grootste afstand tot een uitgang langs het netwerk op het stuk), verdict (ok, too_far) en dead_end (1 op een doodlopende tak).</translation>
    </message>
    <message>
      <source>Dead ends of the footpath network with branch_m, the length of the cul-de-sac leading to them.</source>
      <translation>Doodlopende eindes van het voetpadennetwerk met branch_m, de lengte van de doodlopende tak ernaartoe.</translation>
    </message>
    <message>
      <source>Rules from the editable rule set knowledge/rulesets/secured_by_design.json (each value with its source); the near-path rules apply within the clear strip, measured as the exact shortest distance from the object to the path. Network: paths are joined where they cross; distances to the nearest exit by Dijkstra (scipy.sparse.csgraph); along an edge the distance is min(d_u + t, d_v + L - t), so the too-far stretches are exact. Dead ends are found by peeling nodes of degree 1 that are not exits.</source>
      <translation>Regels uit de bewerkbare regelset knowledge/rulesets/secured_by_design.json (elke waarde met haar bron); de regels voor naast het pad gelden binnen de vrije strook, gemeten als de exacte kortste afstand van het object tot het pad. Netwerk: paden worden verbonden waar ze elkaar kruisen; afstanden tot de dichtstbijzijnde uitgang met Dijkstra (scipy.sparse.csgraph); langs een lijnstuk is de afstand min(d_u + t, d_v + L - t), zodat de te verre stukken exact zijn. Doodlopende eindes worden gevonden door knopen van graad 1 die geen uitgang zijn af te pellen.</translation>
    </message>
    <message>
      <source>A failing shrub or a low tree crown beside a path gives someone a place to hide: prune or replace it. A dead end or a long path without a way out is where a person can be trapped: connect it, or make it visible and lit.</source>
      <translation>Een struik die niet voldoet of een lage boomkruin naast een pad biedt iemand een verstopplek: snoei of vervang hem. Een doodlopend pad of een lang pad zonder uitweg is een plek waar iemand ingesloten kan raken: verbind het, of maak het zichtbaar en verlicht.</translation>
    </message>
    <message>
      <source>Exit distance to the paths (m)</source>
      <translation>Afstand van uitgangen tot de paden (m)</translation>
    </message>
    <message>
      <source>Longest distance to an exit (m)</source>
      <translation>Grootste afstand tot een uitgang (m)</translation>
    </message>
    <message>
      <source>Snapping tolerance (m)</source>
      <translation>Snaptolerantie (m)</translation>
    </message>
    <message>
      <source>vegetation</source>
      <translation>beplanting</translation>
    </message>
    <message>
      <source>The vegetation layer has no feature with a usable geometry.</source>
      <translation>De vegetatielaag heeft geen object met een bruikbare geometrie.</translation>
    </message>
    <message>
      <source>footpaths</source>
      <translation>voetpaden</translation>
    </message>
    <message>
      <source>The field '{}' must be numeric.</source>
      <translation>Het veld '{}' moet numeriek zijn.</translation>
    </message>
    <message>
      <source>Vegetation and furniture</source>
      <translation>Beplanting en meubilair</translation>
    </message>
    <message>
      <source>Height field (m)</source>
      <translation>Hoogteveld (m)</translation>
    </message>
    <message>
      <source>Crown base field (m)</source>
      <translation>Kroonhoogteveld (m)</translation>
    </message>
    <message>
      <source>Kind field</source>
      <translation>Soortveld</translation>
    </message>
    <message>
      <source>Kind of objects without one</source>
      <translation>Soort van objecten zonder soort</translation>
    </message>
    <message>
      <source>Footpaths</source>
      <translation>Voetpaden</translation>
    </message>
    <message>
      <source>Clear strip either side of paths (m, optional)</source>
      <translation>Vrije strook aan weerszijden van paden (m, optioneel)</translation>
    </message>
    <message>
      <source>Exits (gates, streets, squares)</source>
      <translation>Uitgangen (poorten, straten, pleinen)</translation>
    </message>
    <message>
      <source>Concealment per object</source>
      <translation>Verstopplekken per object</translation>
    </message>
    <message>
      <source>Distance to an exit</source>
      <translation>Afstand tot een uitgang</translation>
    </message>
    <message>
      <source>Dead ends</source>
      <translation>Doodlopende eindes</translation>
    </message>
    <message>
      <source>{} objects (clear strip {:g} m): {} fail, {} pass, {} not assessed. {} dead ends; {:.0f} m of path farther than {:g} m from an exit.</source>
      <translation>{} objecten (vrije strook {:g} m): {} fail, {} pass, {} niet beoordeeld. {} doodlopende eindes; {:.0f} m pad verder dan {:g} m van een uitgang.</translation>
    </message>
    <message>
      <source>Kinds without a rule are not assessed: {} (the rule set knows {}).</source>
      <translation>Soorten zonder regel worden niet beoordeeld: {} (de regelset kent {}).</translation>
    </message>
    <message>
      <source>{} objects have no height; rules on height do not apply to them.</source>
      <translation>{} objecten hebben geen hoogte; regels over hoogte gelden niet voor hen.</translation>
    </message>
    <message>
      <source>No exits given: the {} junctions of three or more paths count as ways out.</source>
      <translation>Geen uitgangen opgegeven: de {} kruisingen van drie of meer paden tellen als uitweg.</translation>
    </message>
    <message>
      <source>{} path nodes are exits.</source>
      <translation>{} padknopen zijn uitgangen.</translation>
    </message>
    <message>
      <source>The exit layer '{}' must contain points, lines or polygons.</source>
      <translation>De uitganglaag '{}' moet punten, lijnen of polygonen bevatten.</translation>
    </message>
    <message>
      <source>{} exit points are farther than EXIT_TOLERANCE from the paths and were left out.</source>
      <translation>{} uitgangspunten liggen verder dan EXIT_TOLERANCE van de paden en zijn weggelaten.</translation>
    </message>
    <message>
      <source>Create demo town</source>
      <translation>Demostad maken</translation>
    </message>
    <message>
      <source>demo,sample data,example,test data,tutorial</source>
      <translation>demo,voorbeelddata,voorbeeld,testdata,handleiding</translation>
    </message>
    <message>
      <source>Writes a small synthetic town (4 km x 3 km, Dutch RD New CRS) to a GeoPackage, to try every BESECURE tool without real data: neighbourhoods with population, streets, buildings, street lamps, a pedestrian zone and two years (2023-2024) of incidents in six categories, with a few planted patterns; and the layers of a security-by-design plan (paths, a square, windows and doors, cameras, bollards, planting, a protected zone, the drivable network) with a planted failure for each check and a redesign variant.</source>
      <translation>Schrijft een kleine verzonnen stad (4 km x 3 km, RD New) naar een GeoPackage om elk BESECURE-instrument zonder echte gegevens te proberen: buurten met bevolking, straten, gebouwen, lantaarnpalen, een voetgangersgebied en twee jaar (2023-2024) incidenten in zes categorieën, met enkele ingebouwde patronen; en de lagen van een plan voor veilig ontwerp (paden, een plein, ramen en deuren, camera's, paaltjes, beplanting, een beschermde zone, het berijdbare netwerk) met een ingebouwde fout voor elke toets en een herontwerpvariant.</translation>
    </message>
    <message>
      <source>Random seed: the same seed always gives the same town.</source>
      <translation>Startwaarde van het toeval: dezelfde waarde geeft altijd dezelfde stad.</translation>
    </message>
    <message>
      <source>Multiplies the number of incidents (1 gives about 4,000).</source>
      <translation>Vermenigvuldigt het aantal incidenten (1 geeft er ongeveer 4.000).</translation>
    </message>
    <message>
      <source>GeoPackage file to write (replaced if it exists).</source>
      <translation>GeoPackage-bestand om te schrijven (wordt vervangen als het bestaat).</translation>
    </message>
    <message>
      <source>GeoPackage with the layers neighbourhoods, streets, buildings, street_lamps (height_m, flux_lm, maintenance_factor), pedestrian_zone, incidents (category, occurred, window_from, window_to for burglaries) and ground_truth. Plan layers: paths (name, kind, lighting_class, width_m); public_space (name, kind); openings (building_id, kind window/door, storey, z_m, facing_deg); cameras (camera_id, mount, height_m, azimuth_deg, hfov_deg, width_px, max_range_m); barriers (bollard points: barrier_id, kind, rating, diameter_m, height_m) and barrier_lines (barrier_id, kind, rating, height_m); vegetation (name, kind shrub/tree, height_m, crown_base_m, crown_radius_m); protected_zone (name, kind, threat); drivable_network (road lines split at crossings: name, kind, speed_kmh) and drivable_areas (name, kind, speed_kmh); plan_failures (the planted failures: name, check, layer, description). The redesign variant: street_lamps_redesign, cameras_redesign, barriers_redesign and vegetation_redesign (same fields, plus change in street_lamps_redesign).</source>
      <translation>GeoPackage met de lagen neighbourhoods, streets, buildings, street_lamps (height_m, flux_lm, maintenance_factor), pedestrian_zone, incidents (category, occurred, window_from, window_to voor inbraken) en ground_truth. Planlagen: paths (name, kind, lighting_class, width_m); public_space (name, kind); openings (building_id, kind window/door, storey, z_m, facing_deg); cameras (camera_id, mount, height_m, azimuth_deg, hfov_deg, width_px, max_range_m); barriers (paaltjes als punten: barrier_id, kind, rating, diameter_m, height_m) en barrier_lines (barrier_id, kind, rating, height_m); vegetation (name, kind shrub/tree, height_m, crown_base_m, crown_radius_m); protected_zone (name, kind, threat); drivable_network (weglijnen gesplitst bij kruisingen: name, kind, speed_kmh) en drivable_areas (name, kind, speed_kmh); plan_failures (de ingebouwde fouten: name, check, layer, description). De herontwerpvariant: street_lamps_redesign, cameras_redesign, barriers_redesign en vegetation_redesign (dezelfde velden, plus change in street_lamps_redesign).</translation>
    </message>
    <message>
      <source>Planted ground truth: a station hot spot (bicycle theft, robbery), a nightlife hot spot (violence on Friday/Saturday nights), an east neighbourhood with 9x the burglary rate and near-repeat chains, a park-and-ride where vehicle crime starts in 2024, and a street without lamps. See the ground_truth layer. Planted plan failures (layer plan_failures): the unlit Langstraat 12 footway, Achterpad and Marktsteeg (lighting), the Achterpad and the north of the Marktplein overlooked by no window (natural surveillance), a camera blind spot in the east of the Marktplein (CCTV), a 2.6 m gap in the north bollard row and car-rated bollards at the west entry (vehicle access), a 1.6 m shrub and a 1.4 m tree crown beside paths and a dead-end alley (concealment). docs/demo_data.md describes every layer and field.</source>
      <translation>Ingebouwde patronen: een hotspot bij het station (fietsdiefstal, straatroof), een uitgaanshotspot (geweld in vrijdag- en zaterdagnachten), een oostelijke buurt met 9x zoveel inbraken en near-repeatreeksen, een P+R waar voertuigcriminaliteit in 2024 begint, en een straat zonder lantaarns. Zie de laag ground_truth. Ingebouwde planfouten (laag plan_failures): het onverlichte voetpad van de Langstraat 12, het Achterpad en de Marktsteeg (verlichting), het Achterpad en het noorden van het Marktplein dat door geen raam gezien wordt (natuurlijk toezicht), een dode hoek van de camera's in het oosten van het Marktplein (camerabewaking), een opening van 2,6 m in de noordelijke rij paaltjes en paaltjes voor personenauto's bij de westelijke ingang (voertuigtoegang), een struik van 1,6 m en een boomkroon tot 1,4 m naast paden en een doodlopende steeg (beschutting voor daders). docs/demo_data.md beschrijft elke laag en elk veld.</translation>
    </message>
    <message>
      <source>Everything is synthetic; use it to learn the tools and to check that an analysis finds what was planted.</source>
      <translation>Alles is verzonnen; gebruik het om de instrumenten te leren kennen en om te controleren dat een analyse vindt wat erin is gestopt.</translation>
    </message>
    <message>
      <source>Random seed</source>
      <translation>Startwaarde toeval</translation>
    </message>
    <message>
      <source>Incident volume factor</source>
      <translation>Factor aantal incidenten</translation>
    </message>
    <message>
      <source>Demo town GeoPackage</source>
      <translation>GeoPackage demostad</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <source>Demo town layers</source>
      <translation>Lagen van de demostad</translation>
    </message>
    <message>
      <source>Demo town written to {} ({} incidents).</source>
      <translation>Demostad geschreven naar {} ({} incidenten).</translation>
    </message>
    <message>
      <source>Emerging hot spot analysis</source>
      <translation>Analyse van opkomende hotspots</translation>
    </message>
    <message>
      <source>emerging hot spot,hotspot,space-time,trend,Mann-Kendall,Getis-Ord,Gi*,time series</source>
      <translation>opkomende hotspot,hotspot,ruimte-tijd,trend,Mann-Kendall,Getis-Ord,Gi*,tijdreeks</translation>
    </message>
    <message>
      <source>week</source>
      <translation>week</translation>
    </message>
    <message>
      <source>month</source>
      <translation>maand</translation>
    </message>
    <message>
      <source>{} weekly time steps</source>
      <translation>{} wekelijkse tijdstappen</translation>
    </message>
    <message>
      <source>{} monthly time steps</source>
      <translation>{} maandelijkse tijdstappen</translation>
    </message>
    <message>
      <source>square cells</source>
      <translation>vierkante cellen</translation>
    </message>
    <message>
      <source>hexagonal cells</source>
      <translation>zeshoekige cellen</translation>
    </message>
    <message>
      <source>Tells which hot spots are new, growing, persistent, fading or on and off: incidents are counted per grid cell and week or month (a space-time cube), every cell and step gets a space-time Gi* z-score, the trend of each cell's z-scores is tested (Mann-Kendall), and each cell gets one of 17 patterns.</source>
      <translation>Laat zien welke hotspots nieuw, groeiend, aanhoudend, afnemend of wisselend zijn: incidenten worden per rastercel en week of maand geteld (een ruimte-tijdkubus), elke cel en stap krijgt een ruimte-tijd-Gi*-z-score, de trend van de z-scores van elke cel wordt getoetst (Mann-Kendall) en elke cel krijgt een van 17 patronen.</translation>
    </message>
    <message>
      <source>Date/time of each incident. Incidents without a time or with an unreadable one are skipped and counted in the log.</source>
      <translation>Datum/tijd van elk incident. Incidenten zonder tijd of met een onleesbare tijd worden overgeslagen en in het logboek geteld.</translation>
    </message>
    <message>
      <source>Cells: 0 square grid, 1 hexagon grid.</source>
      <translation>Cellen: 0 vierkant raster, 1 zeshoekraster.</translation>
    </message>
    <message>
      <source>Optional polygons: every cell overlapping them is a location, with or without incidents, and incidents outside are left out. Without it the locations are the cells with at least one incident in the period.</source>
      <translation>Optionele polygonen: elke cel die ermee overlapt is een locatie, met of zonder incidenten, en incidenten daarbuiten worden weggelaten. Zonder studiegebied zijn de locaties de cellen met minstens één incident in de periode.</translation>
    </message>
    <message>
      <source>Length of a time step: 0 week (Monday to Sunday), 1 calendar month.</source>
      <translation>Lengte van een tijdstap: 0 week (maandag tot en met zondag), 1 kalendermaand.</translation>
    </message>
    <message>
      <source>Optional first day of the period (YYYY-MM-DD), inclusive; best the first day of a week or month. Default: the step of the first incident.</source>
      <translation>Optionele eerste dag van de periode (JJJJ-MM-DD), inclusief; liefst de eerste dag van een week of maand. Standaard: de stap van het eerste incident.</translation>
    </message>
    <message>
      <source>Optional last day of the period, inclusive for a date; best the last day of a week or month. Default: the end of the step of the last incident.</source>
      <translation>Optionele laatste dag van de periode, inclusief bij een datum; liefst de laatste dag van een week of maand. Standaard: het einde van de stap van het laatste incident.</translation>
    </message>
    <message>
      <source>Spatial neighbours of a cell: the cells within this many rings (1 = the 8 squares or 6 hexagons around it).</source>
      <translation>Ruimtelijke buren van een cel: de cellen binnen dit aantal ringen (1 = de 8 vierkanten of 6 zeshoeken eromheen).</translation>
    </message>
    <message>
      <source>Earlier time steps in a bin's neighbourhood (1 = the previous step too; 0 = the same step only).</source>
      <translation>Eerdere tijdstappen in de omgeving van een vak (1 = ook de vorige stap; 0 = alleen dezelfde stap).</translation>
    </message>
    <message>
      <source>Significance level of a hot or cold bin and of the trend (default 0.05).</source>
      <translation>Significantieniveau van een hot of cold vak en van de trend (standaard 0,05).</translation>
    </message>
    <message>
      <source>0 (default) = p-values from the normal approximation; more (e.g. 199, as R sfdep) = permutation pseudo p-values (slower).</source>
      <translation>0 (standaard) = p-waarden uit de normale benadering; meer (bijv. 199, zoals R sfdep) = pseudo-p-waarden uit permutaties (trager).</translation>
    </message>
    <message>
      <source>Random seed of the permutations.</source>
      <translation>Startwaarde (seed) van de permutaties.</translation>
    </message>
    <message>
      <source>Optional GeoPackage keeping the space-time cube: layer 'locations' (cells with cell_id, count, pattern) and table 'cube' (one row per cell and time step: cell_id, step, step_start, count, gi_z, gi_p), to reuse or inspect the analysis.</source>
      <translation>Optionele GeoPackage die de ruimte-tijdkubus bewaart: laag 'locations' (cellen met cell_id, count, pattern) en tabel 'cube' (één rij per cel en tijdstap: cell_id, step, step_start, count, gi_z, gi_p), om de analyse te hergebruiken of te controleren.</translation>
    </message>
    <message>
      <source>Cells with cell_id, pattern (e.g. 'New Hot Spot'), pattern_code (1 new, 2 consecutive, 3 intensifying, 4 persistent, 5 diminishing, 6 sporadic, 7 oscillating, 8 historical; negative for cold spots; 0 no pattern), count (incidents in the period), n_hot and n_cold (significant hot / cold steps), last_z and last_p (final step), trend_tau, trend_z and trend_p (Mann-Kendall trend of the z-scores). Styled by pattern: warm colours hot, cool colours cold, grey none.</source>
      <translation>Cellen met cell_id, pattern (bijv. 'New Hot Spot'), pattern_code (1 nieuw, 2 opeenvolgend, 3 toenemend, 4 aanhoudend, 5 afnemend, 6 sporadisch, 7 wisselend, 8 historisch; negatief voor cold spots; 0 geen patroon), count (incidenten in de periode), n_hot en n_cold (significant hete / koude stappen), last_z en last_p (laatste stap), trend_tau, trend_z en trend_p (Mann-Kendall-trend van de z-scores). Opgemaakt per patroon: warme kleuren hot, koele kleuren cold, grijs geen.</translation>
    </message>
    <message>
      <source>Space-time Gi* (Getis &amp; Ord 1992, Ord &amp; Getis 1995): a bin's neighbourhood is its cell and the cells within NEIGHBOURS rings, at its own and TIME_LAG earlier steps (binary weights); mean and variance of the whole cube (ArcGIS's 'entire cube' window). Trend: Mann-Kendall on each cell's z-scores (as R Kendall::MannKendall). Patterns: the 17 rules of R package sfdep (emerging_hotspot_analysis), in its order; significant means p &lt;= ALPHA. At least 4 time steps are needed, 10 or more are advisable. Sparse data are warned about when a bin's space-time neighbourhood (its cell and the cells within NEIGHBOURS rings, at TIME_LAG + 1 steps) expects fewer incidents than z² at ALPHA (3.84 at 0.05; with the defaults about 0.2 incidents per cell and step): then not even an empty neighbourhood can be a significant cold spot, and on random data most locations come out 'sporadic'.</source>
      <translation>Ruimte-tijd-Gi* (Getis &amp; Ord 1992, Ord &amp; Getis 1995): de omgeving van een vak is zijn cel en de cellen binnen NEIGHBOURS ringen, in zijn eigen stap en TIME_LAG eerdere stappen (binaire gewichten); gemiddelde en variantie van de hele kubus (het 'entire cube'-venster van ArcGIS). Trend: Mann-Kendall op de z-scores van elke cel (zoals R Kendall::MannKendall). Patronen: de 17 regels van het R-pakket sfdep (emerging_hotspot_analysis), in zijn volgorde; significant betekent p &lt;= ALPHA. Er zijn minstens 4 tijdstappen nodig, 10 of meer zijn aan te raden. Voor schaarse gegevens volgt een waarschuwing als de ruimte-tijdomgeving van een vak (zijn cel en de cellen binnen NEIGHBOURS ringen, in TIME_LAG + 1 stappen) minder incidenten verwacht dan z² bij ALPHA (3,84 bij 0,05; met de standaardinstellingen ongeveer 0,2 incidenten per cel en stap): dan kan zelfs een lege omgeving geen significante koude vlek zijn, en op toevallige gegevens komen de meeste locaties als 'sporadisch' uit.</translation>
    </message>
    <message>
      <source>A new hot spot is significantly hot only in the final step; consecutive: a final run of hot steps; intensifying / diminishing: hot in at least 90 % of the steps with a rising / falling trend; persistent: hot in 90 % without trend; sporadic: on and off hot; oscillating: hot now, cold before; historical: hot in 90 % of the steps but not now. Cold patterns mirror them.</source>
      <translation>Een nieuwe hotspot is alleen in de laatste stap significant heet; opeenvolgend: een reeks hete stappen aan het eind; toenemend / afnemend: heet in minstens 90 % van de stappen met een stijgende / dalende trend; aanhoudend: heet in 90 % zonder trend; sporadisch: af en toe heet; wisselend: nu heet, eerder koud; historisch: heet in 90 % van de stappen maar nu niet. Koude patronen zijn het spiegelbeeld.</translation>
    </message>
    <message>
      <source>Cell size (metres)</source>
      <translation>Celgrootte (meter)</translation>
    </message>
    <message>
      <source>Neighbour rings</source>
      <translation>Burenringen</translation>
    </message>
    <message>
      <source>Time steps back (time lag)</source>
      <translation>Tijdstappen terug (tijdsvertraging)</translation>
    </message>
    <message>
      <source>Significance level (alpha)</source>
      <translation>Significantieniveau (alfa)</translation>
    </message>
    <message>
      <source>Permutations (0 = normal p-values)</source>
      <translation>Permutaties (0 = normale p-waarden)</translation>
    </message>
    <message>
      <source>Maximum number of grid cells</source>
      <translation>Maximaal aantal rastercellen</translation>
    </message>
    <message>
      <source>Only {} location(s) hold incidents; emerging hot spot analysis needs at least 3. Choose smaller cells or a longer period.</source>
      <translation>Slechts {} locatie(s) bevatten incidenten; analyse van opkomende hotspots heeft er ten minste 3 nodig. Kies kleinere cellen of een langere periode.</translation>
    </message>
    <message>
      <source>Date/time field</source>
      <translation>Datum/tijdveld</translation>
    </message>
    <message>
      <source>Cells</source>
      <translation>Cellen</translation>
    </message>
    <message>
      <source>Study area (optional)</source>
      <translation>Studiegebied (optioneel)</translation>
    </message>
    <message>
      <source>Time step</source>
      <translation>Tijdstap</translation>
    </message>
    <message>
      <source>Period start</source>
      <translation>Begin periode</translation>
    </message>
    <message>
      <source>Period end</source>
      <translation>Einde periode</translation>
    </message>
    <message>
      <source>Space-time cube (GeoPackage)</source>
      <translation>Ruimte-tijdkubus (GeoPackage)</translation>
    </message>
    <message>
      <source>Emerging hot spots</source>
      <translation>Opkomende hotspots</translation>
    </message>
    <message>
      <source>Square grid</source>
      <translation>Vierkant raster</translation>
    </message>
    <message>
      <source>Hexagon grid</source>
      <translation>Zeshoekraster</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Week</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Maand</translation>
    </message>
    <message>
      <source>Space-time cube: {} locations x {} time steps = {} bins, {} incidents.</source>
      <translation>Ruimte-tijdkubus: {} locaties x {} tijdstappen = {} vakken, {} incidenten.</translation>
    </message>
    <message>
      <source>Spatial neighbours: the cells within {} ring(s) ({}); per location min {} / mean {:.1f} / max {}.</source>
      <translation>Ruimtelijke buren: de cellen binnen {} ring(en) ({}); per locatie min {} / gemiddeld {:.1f} / max {}.</translation>
    </message>
    <message>
      <source>queen steps</source>
      <translation>queen-stappen</translation>
    </message>
    <message>
      <source>hexagon steps</source>
      <translation>zeshoekstappen</translation>
    </message>
    <message>
      <source>{} from {} to {} (incidents from {} to {}).</source>
      <translation>{} van {} tot en met {} (incidenten van {} tot {}).</translation>
    </message>
    <message>
      <source>Space-time Gi*: neighbourhood = the cell and its neighbours at the same step and {} earlier step(s); mean and variance of the whole cube; {}; a bin is significant at p &lt;= {:g}.</source>
      <translation>Ruimte-tijd-Gi*: omgeving = de cel en haar buren in dezelfde stap en {} eerdere stap(pen); gemiddelde en variantie van de hele kubus; {}; een vak is significant bij p &lt;= {:g}.</translation>
    </message>
    <message>
      <source>normal p-values</source>
      <translation>normale p-waarden</translation>
    </message>
    <message>
      <source>Patterns: {}.</source>
      <translation>Patronen: {}.</translation>
    </message>
    <message>
      <source>{} locations have no spatial neighbour among the locations; their Gi* uses only their own earlier steps.</source>
      <translation>{} locaties hebben geen ruimtelijke buur onder de locaties; hun Gi* gebruikt alleen hun eigen eerdere stappen.</translation>
    </message>
    <message>
      <source>Space-time cube written to {}.</source>
      <translation>Ruimte-tijdkubus geschreven naar {}.</translation>
    </message>
    <message>
      <source>Only {} time steps: with fewer than {} the patterns that need 90 % of the steps need every step.</source>
      <translation>Slechts {} tijdstappen: met minder dan {} vereisen de patronen die 90 % van de stappen nodig hebben elke stap.</translation>
    </message>
    <message>
      <source>The period starts on {}, inside the first step (from {}): that step is only partly covered. Start on the first day of a {}.</source>
      <translation>De periode begint op {}, midden in de eerste stap (vanaf {}): die stap is maar gedeeltelijk gedekt. Begin op de eerste dag van een {}.</translation>
    </message>
    <message>
      <source>The period ends before {}, inside the last step: that step is only partly covered. End on the last day of a {}.</source>
      <translation>De periode eindigt vóór {}, midden in de laatste stap: die stap is maar gedeeltelijk gedekt. Eindig op de laatste dag van een {}.</translation>
    </message>
    <message>
      <source>The first incident is on {}, {} days into the first step: if the data start there, that step is incomplete. Set START to the first day of a {}.</source>
      <translation>Het eerste incident is op {}, {} dagen na het begin van de eerste stap: als de gegevens daar beginnen, is die stap onvolledig. Zet START op de eerste dag van een {}.</translation>
    </message>
    <message>
      <source>The last incident is on {}, {} days before the end of the last step: if the data end there, that step is incomplete. Set END to the last day of a {}.</source>
      <translation>Het laatste incident is op {}, {} dagen voor het einde van de laatste stap: als de gegevens daar eindigen, is die stap onvolledig. Zet END op de laatste dag van een {}.</translation>
    </message>
    <message>
      <source>Sparse data: {:.2f} incidents per location and time step, so a bin's space-time neighbourhood expects {:.2f} incidents, fewer than {:.2f} (z² at ALPHA {:g}). Then not even an empty neighbourhood is a significant cold spot, and chance alone makes most locations 'sporadic'. Use larger cells, monthly steps, more NEIGHBOURS rings or a larger TIME_LAG.</source>
      <translation>Schaarse gegevens: {:.2f} incidenten per locatie en tijdstap, dus de ruimte-tijdomgeving van een vak verwacht {:.2f} incidenten, minder dan {:.2f} (z² bij ALPHA {:g}). Dan is zelfs een lege omgeving geen significante koude vlek, en maakt het toeval de meeste locaties 'sporadisch'. Gebruik grotere cellen, maandstappen, meer NEIGHBOURS-ringen of een grotere TIME_LAG.</translation>
    </message>
    <message>
      <source>{} incidents fall outside the study area and are left out.</source>
      <translation>{} incidenten vallen buiten het studiegebied en worden weggelaten.</translation>
    </message>
    <message>
      <source>Locations: the {} {} of {:g} m with at least one incident in the period (give a study area to include empty cells).</source>
      <translation>Locaties: de {} {} van {:g} m met minstens één incident in de periode (geef een studiegebied op om lege cellen mee te nemen).</translation>
    </message>
    <message>
      <source>Locations: the {} {} of {:g} m overlapping the study area.</source>
      <translation>Locaties: de {} {} van {:g} m die met het studiegebied overlappen.</translation>
    </message>
    <message>
      <source>pseudo p-values from {} permutations</source>
      <translation>pseudo-p-waarden uit {} permutaties</translation>
    </message>
    <message>
      <source>Global Moran's I</source>
      <translation>Globale Moran's I</translation>
    </message>
    <message>
      <source>Getis-Ord General G</source>
      <translation>Getis-Ord General G</translation>
    </message>
    <message>
      <source>Nearest neighbour index</source>
      <translation>Naaste-buurindex</translation>
    </message>
    <message>
      <source>Global spatial autocorrelation (Moran's I, General G)</source>
      <translation>Globale ruimtelijke autocorrelatie (Moran's I, General G)</translation>
    </message>
    <message>
      <source>spatial autocorrelation,Moran's I,General G,Getis-Ord,clustering,global statistic,permutation test</source>
      <translation>ruimtelijke autocorrelatie,Moran's I,General G,Getis-Ord,clustering,globale statistiek,permutatietoets</translation>
    </message>
    <message>
      <source>Answers 'are the values clustered at all?' for the whole layer before mapping hot spots: global Moran's I (do similar values sit together?), Getis-Ord General G (do high values sit together?) and, for point layers, the Clark-Evans nearest neighbour index (are the points themselves clustered?).</source>
      <translation>Beantwoordt voor de hele laag 'zijn de waarden überhaupt geclusterd?' voordat hotspots in kaart worden gebracht: globale Moran's I (liggen gelijke waarden bij elkaar?), Getis-Ord General G (liggen hoge waarden bij elkaar?) en, voor puntlagen, de naaste-buurindex van Clark en Evans (zijn de punten zelf geclusterd?).</translation>
    </message>
    <message>
      <source>Numeric field with the value of each feature. Optional for points: without it only the nearest neighbour index is computed.</source>
      <translation>Numeriek veld met de waarde van elk object. Optioneel voor punten: zonder dit veld wordt alleen de naaste-buurindex berekend.</translation>
    </message>
    <message>
      <source>Random permutations for the pseudo p-values of Moran's I and General G (999 is usual; 0 = analytical p-values only).</source>
      <translation>Willekeurige permutaties voor de pseudo-p-waarden van Moran's I en General G (999 is gebruikelijk; 0 = alleen analytische p-waarden).</translation>
    </message>
    <message>
      <source>Optional polygon(s) of the study area, for the nearest neighbour index of points; without it the convex hull of the points is used (stated in the log).</source>
      <translation>Optionele polygoon (of polygonen) van het studiegebied, voor de naaste-buurindex van punten; zonder studiegebied wordt het convexe omhulsel van de punten gebruikt (vermeld in het logboek).</translation>
    </message>
    <message>
      <source>A table with one row per statistic: test, statistic, value and description (Moran's I: I, E[I], z_norm, z_rand, p_norm, p_rand, p_sim; General G: G, E[G], z, p, p_sim; nearest neighbour index: R, observed and expected mean distance, z, p, n, area). Also written to the log.</source>
      <translation>Een tabel met één rij per statistiek: test, statistic, value en description (Moran's I: I, E[I], z_norm, z_rand, p_norm, p_rand, p_sim; General G: G, E[G], z, p, p_sim; naaste-buurindex: R, waargenomen en verwachte gemiddelde afstand, z, p, n, oppervlakte). Ook in het logboek geschreven.</translation>
    </message>
    <message>
      <source>Moran's I with row-standardised weights and General G with binary weights as in PySAL esda (Moran 1950; Cliff &amp; Ord 1981; Getis &amp; Ord 1992); two-sided p-values under normality and randomisation, folded permutation pseudo p-values (seeded). Nearest neighbour index: Clark &amp; Evans (1954) without edge correction, as ArcGIS Average Nearest Neighbor. General G needs values of zero or more.</source>
      <translation>Moran's I met rij-gestandaardiseerde gewichten en General G met binaire gewichten zoals in PySAL esda (Moran 1950; Cliff &amp; Ord 1981; Getis &amp; Ord 1992); tweezijdige p-waarden onder normaliteit en randomisatie, gevouwen pseudo-p-waarden uit permutaties (met seed). Naaste-buurindex: Clark &amp; Evans (1954) zonder randcorrectie, zoals ArcGIS Average Nearest Neighbor. General G vereist waarden van nul of meer.</translation>
    </message>
    <message>
      <source>Moran's I above its expectation E[I] with a small p-value: similar values cluster; below: they alternate like a chessboard. General G above E[G]: high values cluster (hot spots), below: low values cluster. R below 1: the points are clustered; above 1: dispersed. Columbus CRIME with queen contiguity gives I = 0.500.</source>
      <translation>Moran's I boven de verwachting E[I] met een kleine p-waarde: gelijke waarden clusteren; eronder: ze wisselen elkaar af als een schaakbord. General G boven E[G]: hoge waarden clusteren (hotspots), eronder: lage waarden clusteren. R onder 1: de punten zijn geclusterd; boven 1: verspreid. Columbus CRIME met queen-aangrenzing geeft I = 0,500.</translation>
    </message>
    <message>
      <source>The points lie on one line or at one place, so they enclose no area; give a STUDY_AREA.</source>
      <translation>De punten liggen op één lijn of op één plaats en omsluiten dus geen oppervlak; geef een STUDY_AREA.</translation>
    </message>
    <message>
      <source>Choose the field with the values to analyse (VALUE_FIELD); without values only the nearest neighbour index of a point layer can be computed.</source>
      <translation>Kies het veld met de te analyseren waarden (VALUE_FIELD); zonder waarden kan alleen de naaste-buurindex van een puntenlaag worden berekend.</translation>
    </message>
    <message>
      <source>no significant spatial autocorrelation</source>
      <translation>geen significante ruimtelijke autocorrelatie</translation>
    </message>
    <message>
      <source>no significant clustering of high or low values</source>
      <translation>geen significante clustering van hoge of lage waarden</translation>
    </message>
    <message>
      <source>the points do not differ significantly from random</source>
      <translation>de punten wijken niet significant af van toeval</translation>
    </message>
    <message>
      <source>Study area for the nearest neighbour index (optional)</source>
      <translation>Studiegebied voor de naaste-buurindex (optioneel)</translation>
    </message>
    <message>
      <source>Global spatial autocorrelation</source>
      <translation>Globale ruimtelijke autocorrelatie</translation>
    </message>
    <message>
      <source>similar values cluster in space</source>
      <translation>gelijke waarden clusteren in de ruimte</translation>
    </message>
    <message>
      <source>values alternate (dispersion)</source>
      <translation>waarden wisselen elkaar af (spreiding)</translation>
    </message>
    <message>
      <source>row-standardised {}</source>
      <translation>rij-gestandaardiseerde {}</translation>
    </message>
    <message>
      <source>expected value without spatial autocorrelation, -1/(n-1)</source>
      <translation>verwachte waarde zonder ruimtelijke autocorrelatie, -1/(n-1)</translation>
    </message>
    <message>
      <source>z-score under normality</source>
      <translation>z-score onder normaliteit</translation>
    </message>
    <message>
      <source>z-score under randomisation</source>
      <translation>z-score onder randomisatie</translation>
    </message>
    <message>
      <source>two-sided p-value under normality</source>
      <translation>tweezijdige p-waarde onder normaliteit</translation>
    </message>
    <message>
      <source>two-sided p-value under randomisation</source>
      <translation>tweezijdige p-waarde onder randomisatie</translation>
    </message>
    <message>
      <source>General G is skipped: it needs values of zero or more (counts, rates), and this field has negative values. Moran's I covers them.</source>
      <translation>General G wordt overgeslagen: die vereist waarden van nul of meer (aantallen, ratio's) en dit veld heeft negatieve waarden. Moran's I dekt ze wel.</translation>
    </message>
    <message>
      <source>high values cluster</source>
      <translation>hoge waarden clusteren</translation>
    </message>
    <message>
      <source>low values cluster</source>
      <translation>lage waarden clusteren</translation>
    </message>
    <message>
      <source>expected value without spatial association</source>
      <translation>verwachte waarde zonder ruimtelijke samenhang</translation>
    </message>
    <message>
      <source>two-sided p-value</source>
      <translation>tweezijdige p-waarde</translation>
    </message>
    <message>
      <source>the points are clustered</source>
      <translation>de punten zijn geclusterd</translation>
    </message>
    <message>
      <source>the points are dispersed</source>
      <translation>de punten zijn verspreid</translation>
    </message>
    <message>
      <source>observed / expected mean nearest neighbour distance</source>
      <translation>waargenomen / verwachte gemiddelde afstand tot de naaste buur</translation>
    </message>
    <message>
      <source>z-score</source>
      <translation>z-score</translation>
    </message>
    <message>
      <source>number of points</source>
      <translation>aantal punten</translation>
    </message>
    <message>
      <source>The study area layer has no polygons.</source>
      <translation>De laag van het studiegebied heeft geen polygonen.</translation>
    </message>
    <message>
      <source>the study area</source>
      <translation>het studiegebied</translation>
    </message>
    <message>
      <source>the convex hull of the points</source>
      <translation>het convexe omhulsel van de punten</translation>
    </message>
    <message>
      <source>the bounding box of the points</source>
      <translation>de omhullende rechthoek van de punten</translation>
    </message>
    <message>
      <source>The study area is used only for the nearest neighbour index of point layers.</source>
      <translation>Het studiegebied wordt alleen gebruikt voor de naaste-buurindex van puntlagen.</translation>
    </message>
    <message>
      <source>Global Moran's I = {:.6f} (expected {:.6f}), z = {:.4f} under randomisation ({:.4f} under normality), p = {:.3g}; permutation p = {} ({} permutations): {}.</source>
      <translation>Globale Moran's I = {:.6f} (verwacht {:.6f}), z = {:.4f} onder randomisatie ({:.4f} onder normaliteit), p = {:.3g}; permutatie-p = {} ({} permutaties): {}.</translation>
    </message>
    <message>
      <source>General G = {:.6g} (expected {:.6g}), z = {:.4f}, p = {:.3g}; permutation p = {}: {}.</source>
      <translation>General G = {:.6g} (verwacht {:.6g}), z = {:.4f}, p = {:.3g}; permutatie-p = {}: {}.</translation>
    </message>
    <message>
      <source>Nearest neighbour index R = {:.4f} (observed mean distance {:.6g} {}, expected {:.6g} {}), z = {:.4f}, p = {:.3g}, {} points over {}: {}.</source>
      <translation>Naaste-buurindex R = {:.4f} (waargenomen gemiddelde afstand {:.6g} {}, verwacht {:.6g} {}), z = {:.4f}, p = {:.3g}, {} punten over {}: {}.</translation>
    </message>
    <message>
      <source>permutation pseudo p-value ({} permutations)</source>
      <translation>pseudo-p-waarde uit permutaties ({} permutaties)</translation>
    </message>
    <message>
      <source>binary {}</source>
      <translation>binaire {}</translation>
    </message>
    <message>
      <source>observed mean nearest neighbour distance ({})</source>
      <translation>waargenomen gemiddelde afstand tot de naaste buur ({})</translation>
    </message>
    <message>
      <source>expected under complete spatial randomness ({})</source>
      <translation>verwacht bij volledige ruimtelijke willekeur ({})</translation>
    </message>
    <message>
      <source>{} (square {})</source>
      <translation>{} ({} in het kwadraat)</translation>
    </message>
    <message>
      <source>{} points lie outside the study area; they still count in the index.</source>
      <translation>{} punten liggen buiten het studiegebied; ze tellen toch mee in de index.</translation>
    </message>
    <message>
      <source>Hot spot analysis (Getis-Ord Gi*)</source>
      <translation>Hotspotanalyse (Getis-Ord Gi*)</translation>
    </message>
    <message>
      <source>hot spot,hotspot,cold spot,Getis-Ord,Gi*,cluster,z-score,FDR</source>
      <translation>hotspot,brandpunt,coldspot,Getis-Ord,Gi*,cluster,z-score,FDR</translation>
    </message>
    <message>
      <source>analytical p-values</source>
      <translation>analytische p-waarden</translation>
    </message>
    <message>
      <source>permutation p-values</source>
      <translation>permutatie-p-waarden</translation>
    </message>
    <message>
      <source>Finds statistically significant hot spots (clusters of high values) and cold spots (clusters of low values) with the local Getis-Ord Gi* statistic, e.g. on incident counts per hexagon or per neighbourhood from Aggregate incidents.</source>
      <translation>Vindt statistisch significante hotspots (clusters van hoge waarden) en coldspots (clusters van lage waarden) met de lokale Getis-Ord Gi*-statistiek, bijv. op aantallen incidenten per zeshoek of per buurt uit Incidenten aggregeren.</translation>
    </message>
    <message>
      <source>Yes (default): Gi*, the feature's own value counts in its neighbourhood, as in ArcGIS Hot Spot Analysis. No: Gi, only the neighbours count.</source>
      <translation>Ja (standaard): Gi*, de eigen waarde van het object telt mee in zijn omgeving, zoals in ArcGIS Hot Spot Analysis. Nee: Gi, alleen de buren tellen.</translation>
    </message>
    <message>
      <source>Conditional permutations for the pseudo p-value gi_p_sim (999 is usual; 0 = analytical p-values only).</source>
      <translation>Conditionele permutaties voor de pseudo-p-waarde gi_p_sim (999 is gebruikelijk; 0 = alleen analytische p-waarden).</translation>
    </message>
    <message>
      <source>Yes (default): correct for testing every feature at once with the Benjamini-Hochberg false discovery rate; the bins then use the q-values.</source>
      <translation>Ja (standaard): corrigeer voor het tegelijk toetsen van alle objecten met de false discovery rate van Benjamini-Hochberg; de klassen gebruiken dan de q-waarden.</translation>
    </message>
    <message>
      <source>Which p-value decides the bins: 0 analytical (normal, as ArcGIS), 1 permutation (gi_p_sim, as GeoDa; needs PERMUTATIONS &gt; 0).</source>
      <translation>Welke p-waarde de klassen bepaalt: 0 analytisch (normaal, zoals ArcGIS), 1 permutatie (gi_p_sim, zoals GeoDa; vereist PERMUTATIONS &gt; 0).</translation>
    </message>
    <message>
      <source>The input features with their fields, source_fid and: gi_z (z-score), gi_p (two-sided normal p-value), gi_p_sim (permutation pseudo p-value), gi_q (Benjamini-Hochberg q-value of the p-value used), gi_bin (3, 2, 1 hot spot at 99/95/90 % confidence, -1..-3 cold spot, 0 not significant), label and n_neighbours (not counting the feature itself). Styled red (hot) to blue (cold). CRS: the working CRS.</source>
      <translation>De invoerobjecten met hun velden, source_fid en: gi_z (z-score), gi_p (tweezijdige normale p-waarde), gi_p_sim (pseudo-p-waarde uit permutaties), gi_q (Benjamini-Hochberg-q-waarde van de gebruikte p-waarde), gi_bin (3, 2, 1 hotspot met 99/95/90 % betrouwbaarheid, -1..-3 coldspot, 0 niet significant), label en n_neighbours (zonder het object zelf). Opgemaakt van rood (hot) tot blauw (cold). CRS: het werk-CRS.</translation>
    </message>
    <message>
      <source>Getis &amp; Ord (1992) and Ord &amp; Getis (1995) with binary weights; the z-scores equal those of PySAL esda's G_Local. Pseudo p-values by conditional randomisation (Anselin 1995), seeded. Benjamini &amp; Hochberg (1995) false discovery rate. Features without neighbours get empty statistics and the label 'No neighbours'.</source>
      <translation>Getis &amp; Ord (1992) en Ord &amp; Getis (1995) met binaire gewichten; de z-scores zijn gelijk aan die van G_Local uit PySAL esda. Pseudo-p-waarden door conditionele randomisatie (Anselin 1995), met seed. False discovery rate van Benjamini &amp; Hochberg (1995). Objecten zonder buren krijgen lege statistieken en het label 'No neighbours'.</translation>
    </message>
    <message>
      <source>A hot spot at 99 % confidence is a feature whose neighbourhood sum is so much higher than the layer's average that chance alone would rarely produce it. One high count on its own is not a hot spot; a group of high counts is. Use incident counts on cells of equal size, or rates.</source>
      <translation>Een hotspot met 99 % betrouwbaarheid is een object waarvan de som over de omgeving zoveel hoger is dan het gemiddelde van de laag dat toeval alleen dat zelden zou opleveren. Eén hoog aantal op zich is geen hotspot; een groep hoge aantallen wel. Gebruik aantallen incidenten op cellen van gelijke grootte, of ratio's.</translation>
    </message>
    <message>
      <source>Include the feature itself (Gi*)</source>
      <translation>Het object zelf meetellen (Gi*)</translation>
    </message>
    <message>
      <source>False discovery rate correction (Benjamini-Hochberg)</source>
      <translation>Correctie voor de false discovery rate (Benjamini-Hochberg)</translation>
    </message>
    <message>
      <source>Hot spot, 99% confidence</source>
      <translation>Hotspot, 99% betrouwbaarheid</translation>
    </message>
    <message>
      <source>Hot spot, 95% confidence</source>
      <translation>Hotspot, 95% betrouwbaarheid</translation>
    </message>
    <message>
      <source>Hot spot, 90% confidence</source>
      <translation>Hotspot, 90% betrouwbaarheid</translation>
    </message>
    <message>
      <source>Not significant (or no neighbours)</source>
      <translation>Niet significant (of geen buren)</translation>
    </message>
    <message>
      <source>Cold spot, 90% confidence</source>
      <translation>Coldspot, 90% betrouwbaarheid</translation>
    </message>
    <message>
      <source>Cold spot, 95% confidence</source>
      <translation>Coldspot, 95% betrouwbaarheid</translation>
    </message>
    <message>
      <source>Cold spot, 99% confidence</source>
      <translation>Coldspot, 99% betrouwbaarheid</translation>
    </message>
    <message>
      <source>Significance from permutation p-values needs PERMUTATIONS &gt; 0 (999 is usual).</source>
      <translation>Significantie uit permutatie-p-waarden vraagt PERMUTATIONS &gt; 0 (999 is gebruikelijk).</translation>
    </message>
    <message>
      <source>Hot spots</source>
      <translation>Hotspots</translation>
    </message>
    <message>
      <source>Gi*: each feature's own value counts in its neighbourhood sum (self-weight 1).</source>
      <translation>Gi*: de eigen waarde van elk object telt mee in de som over zijn omgeving (eigen gewicht 1).</translation>
    </message>
    <message>
      <source>Gi: only the neighbours' values count, not the feature's own.</source>
      <translation>Gi: alleen de waarden van de buren tellen, niet die van het object zelf.</translation>
    </message>
    <message>
      <source>Significance from</source>
      <translation>Significantie uit</translation>
    </message>
    <message>
      <source>Hot spots ({}, {})</source>
      <translation>Hotspots ({}, {})</translation>
    </message>
    <message>
      <source>Hot spots: {} at 99 %, {} at 95 %, {} at 90 % confidence; cold spots: {} at 99 %, {} at 95 %, {} at 90 %; not significant: {}; without neighbours: {}.</source>
      <translation>Hotspots: {} met 99 %, {} met 95 %, {} met 90 % betrouwbaarheid; coldspots: {} met 99 %, {} met 95 %, {} met 90 %; niet significant: {}; zonder buren: {}.</translation>
    </message>
    <message>
      <source>Analytical p-value</source>
      <translation>Analytische p-waarde</translation>
    </message>
    <message>
      <source>Permutation p-value</source>
      <translation>Permutatie-p-waarde</translation>
    </message>
    <message>
      <source>FDR on: the bins use Benjamini-Hochberg q-values of the {}, so among the features called significant at 95 % about 5 % are expected to be false alarms.</source>
      <translation>FDR aan: de klassen gebruiken Benjamini-Hochberg-q-waarden van de {}, zodat van de objecten die met 95 % significant heten naar verwachting ongeveer 5 % vals alarm is.</translation>
    </message>
    <message>
      <source>FDR off: the bins use the {} of each feature as they are; with many features some will look significant by chance.</source>
      <translation>FDR uit: de klassen gebruiken de {} van elk object zoals ze zijn; bij veel objecten lijken er enkele door toeval significant.</translation>
    </message>
    <message>
      <source>Hot times</source>
      <translation>Hot times (tijdstippen)</translation>
    </message>
    <message>
      <source>hot times,time of day,day of week,weekday,hour,temporal,heat map,aoristic,chart</source>
      <translation>hot times,tijdstip,dag van de week,weekdag,uur,temporeel,heatmap,aoristisch,grafiek</translation>
    </message>
    <message>
      <source>Mon</source>
      <translation>ma</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>di</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>wo</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>do</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>vr</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>za</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>zo</translation>
    </message>
    <message>
      <source>Builds the 7 x 24 hot-times table: how incidents spread over the days of the week and the hours of the day, overall or per zone. Incidents known only within a time window (a burglary between leaving home and coming back) are spread over the window's hours (aoristic analysis).</source>
      <translation>Maakt de 7 x 24 hot-timestabel: hoe incidenten over de dagen van de week en de uren van de dag verdeeld zijn, in totaal of per gebied. Incidenten waarvan alleen een tijdvenster bekend is (een inbraak tussen vertrek en thuiskomst) worden over de uren van dat venster verdeeld (aoristische analyse).</translation>
    </message>
    <message>
      <source>Date/time the incident happened, or the start of its window.</source>
      <translation>Datum/tijd van het incident, of het begin van het tijdvenster.</translation>
    </message>
    <message>
      <source>Optional end of the window (exclusive). Empty, or not after the start: the whole weight goes to the start hour.</source>
      <translation>Optioneel einde van het venster (exclusief). Leeg, of niet na het begin: het hele gewicht gaat naar het beginuur.</translation>
    </message>
    <message>
      <source>Optional first day of the period (of START_FIELD), inclusive (YYYY-MM-DD).</source>
      <translation>Optionele eerste dag van de periode (van START_FIELD), inclusief (JJJJ-MM-DD).</translation>
    </message>
    <message>
      <source>Optional polygons: one table per zone (field zone).</source>
      <translation>Optionele polygonen: één tabel per gebied (veld zone).</translation>
    </message>
    <message>
      <source>Table with 168 rows (per zone): weekday (0 = Monday .. 6 = Sunday), day, hour (0..23), weight (incidents, aoristic where windows are given), share (of the zone's total) and zone.</source>
      <translation>Tabel met 168 rijen (per gebied): weekday (0 = maandag .. 6 = zondag), day, hour (0..23), weight (incidenten, aoristisch bij tijdvensters), share (van het totaal van het gebied) en zone.</translation>
    </message>
    <message>
      <source>Optional PNG of the 7 x 24 grid of all incidents (Monday on top, hours across, darker = more).</source>
      <translation>Optionele PNG van het 7 x 24-raster van alle incidenten (maandag bovenaan, uren horizontaal, donkerder = meer).</translation>
    </message>
    <message>
      <source>Optional HTML report: what was selected, the chart and the 7 x 24 weights as a table (with a link to the PNG when OUTPUT_CHART is written too).</source>
      <translation>Optioneel HTML-rapport: wat geselecteerd is, de grafiek en de 7 x 24 gewichten als tabel (met een link naar de PNG als ook OUTPUT_CHART wordt geschreven).</translation>
    </message>
    <message>
      <source>Aoristic weights (Ratcliffe 2000) exact to the minute: start inclusive, end exclusive, weights sum to 1 per incident; a window of a week or longer gives 1/168 to every hour.</source>
      <translation>Aoristische gewichten (Ratcliffe 2000) tot op de minuut: begin inclusief, einde exclusief, gewichten tellen op tot 1 per incident; een venster van een week of langer geeft elk uur 1/168.</translation>
    </message>
    <message>
      <source>A weight of 12.5 at Friday 22h means 12.5 incidents are expected to have happened in that hour over the whole period; compare rows, not single incidents.</source>
      <translation>Een gewicht van 12,5 op vrijdag 22 uur betekent dat naar verwachting 12,5 incidenten in dat uur plaatsvonden over de hele periode; vergelijk rijen, geen losse incidenten.</translation>
    </message>
    <message>
      <source>Zones (optional, one table per zone)</source>
      <translation>Gebieden (optioneel, één tabel per gebied)</translation>
    </message>
    <message>
      <source>Incidents per weekday (rows) and hour of the day (columns); darker = more.</source>
      <translation>Incidenten per weekdag (rijen) en uur van de dag (kolommen); donkerder = meer.</translation>
    </message>
    <message>
      <source>Time (or window start) field</source>
      <translation>Tijdveld (of begin venster)</translation>
    </message>
    <message>
      <source>Window end field</source>
      <translation>Veld einde venster</translation>
    </message>
    <message>
      <source>Hot times chart (PNG)</source>
      <translation>Grafiek hot times (PNG)</translation>
    </message>
    <message>
      <source>PNG images (*.png)</source>
      <translation>PNG-afbeeldingen (*.png)</translation>
    </message>
    <message>
      <source>Hot times report (HTML)</source>
      <translation>Rapport hot times (HTML)</translation>
    </message>
    <message>
      <source>HTML files (*.html)</source>
      <translation>HTML-bestanden (*.html)</translation>
    </message>
    <message>
      <source>Cannot write the hot times chart or report ({}: {}); choose a folder you can write to.</source>
      <translation>De grafiek of het rapport van de piektijden kan niet worden geschreven ({}: {}); kies een map waarin u kunt schrijven.</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>Dag</translation>
    </message>
    <message>
      <source>Total weight {:.2f} over {} incidents.</source>
      <translation>Totaal gewicht {:.2f} over {} incidenten.</translation>
    </message>
    <message>
      <source>Incidents per weekday and hour (peak {:.1f})</source>
      <translation>Incidenten per weekdag en uur (piek {:.1f})</translation>
    </message>
    <message>
      <source>Written: {}.</source>
      <translation>Geschreven: {}.</translation>
    </message>
    <message>
      <source>Selection: {}; {:,} incidents, total weight {:.2f}.</source>
      <translation>Selectie: {}; {:,} incidenten, totaal gewicht {:.2f}.</translation>
    </message>
    <message>
      <source>{} window ends could not be read: weight on the start hour.</source>
      <translation>{} venstereinden waren onleesbaar: gewicht op het beginuur.</translation>
    </message>
    <message>
      <source>{} windows end at or before their start: weight on the start hour.</source>
      <translation>{} vensters eindigen op of voor hun begin: gewicht op het beginuur.</translation>
    </message>
    <message>
      <source>{} incidents fall outside every zone and are left out.</source>
      <translation>{} incidenten liggen buiten alle gebieden en tellen niet mee.</translation>
    </message>
    <message>
      <source>Chart as PNG</source>
      <translation>Grafiek als PNG</translation>
    </message>
    <message>
      <source>Intervention effect (WDQ and WDD)</source>
      <translation>Effect van een interventie (WDQ en WDD)</translation>
    </message>
    <message>
      <source>intervention,evaluation,displacement,diffusion of benefits,WDQ,WDD,before and after,effect</source>
      <translation>interventie,evaluatie,verplaatsing,uitstraling,WDQ,WDD,voor en na,effect</translation>
    </message>
    <message>
      <source>diffusion of benefits to the buffer, larger than the direct effect</source>
      <translation>uitstraling van het gunstige effect naar de buffer, groter dan het directe effect</translation>
    </message>
    <message>
      <source>diffusion of benefits to the buffer, smaller than the direct effect</source>
      <translation>uitstraling van het gunstige effect naar de buffer, kleiner dan het directe effect</translation>
    </message>
    <message>
      <source>neither displacement nor diffusion of benefits</source>
      <translation>geen verplaatsing en geen uitstraling van het gunstige effect</translation>
    </message>
    <message>
      <source>displacement to the buffer, smaller than the direct effect (a net benefit)</source>
      <translation>verplaatsing naar de buffer, kleiner dan het directe effect (per saldo winst)</translation>
    </message>
    <message>
      <source>displacement to the buffer, larger than the direct effect (the measure was counterproductive)</source>
      <translation>verplaatsing naar de buffer, groter dan het directe effect (de maatregel werkte averechts)</translation>
    </message>
    <message>
      <source>Measures the effect of a place-based measure (cameras, lighting, patrols, a redesign) by counting incidents before and after it in the target area where it ran, in a buffer around it where crime may move to, and in a control area that shows what would have happened anyway.</source>
      <translation>Meet het effect van een gebiedsgerichte maatregel (camera's, verlichting, surveillance, een herinrichting) door incidenten ervoor en erna te tellen in het doelgebied waar hij liep, in een buffer eromheen waarheen criminaliteit kan verplaatsen, en in een controlegebied dat laat zien wat er toch al gebeurd zou zijn.</translation>
    </message>
    <message>
      <source>Date/time field of the incidents.</source>
      <translation>Datum/tijdveld van de incidenten.</translation>
    </message>
    <message>
      <source>Polygon layer with the area where the measure ran (all its polygons together form the target).</source>
      <translation>Polygonenlaag met het gebied waar de maatregel liep (alle polygonen samen vormen het doelgebied).</translation>
    </message>
    <message>
      <source>Polygon layer with the surrounding area where displacement or diffusion of benefits is looked for, usually a ring around the target. Incidents inside the target are never counted in the buffer.</source>
      <translation>Polygonenlaag met het omliggende gebied waarin naar verplaatsing of uitstraling van het gunstige effect wordt gekeken, meestal een ring om het doelgebied. Incidenten in het doelgebied tellen nooit mee in de buffer.</translation>
    </message>
    <message>
      <source>Polygon layer with a comparable area without the measure, not touching target or buffer; it should have enough incidents in both periods.</source>
      <translation>Polygonenlaag met een vergelijkbaar gebied zonder de maatregel, los van doelgebied en buffer; het moet in beide perioden genoeg incidenten hebben.</translation>
    </message>
    <message>
      <source>Optional second control area for the buffer. Without it the one control area serves both target and buffer: its change counts twice and its variance four times.</source>
      <translation>Optioneel tweede controlegebied voor de buffer. Zonder dit dient het ene controlegebied voor doelgebied en buffer samen: de verandering telt dan twee keer en de variantie vier keer.</translation>
    </message>
    <message>
      <source>Period before the measure, dates inclusive (YYYY-MM-DD).</source>
      <translation>Periode vóór de maatregel, datums inbegrepen (JJJJ-MM-DD).</translation>
    </message>
    <message>
      <source>Period after the measure, dates inclusive; it must not overlap the before period.</source>
      <translation>Periode na de maatregel, datums inbegrepen; mag niet overlappen met de periode ervoor.</translation>
    </message>
    <message>
      <source>A table with one row: the eight counts T_b, T_a (target), D_b, D_a (buffer), Ct_b, Ct_a (control of the target), Cd_b, Cd_a (control of the buffer; equal to Ct with one control area), the period lengths in days, wdq, success_measure, buffer_measure, total_net_effect, wdd, wdd_local, wdd_displacement, wdd_se, wdd_z, p, ci_low, ci_high (95 %) and a readable interpretation.</source>
      <translation>Een tabel met één rij: de acht aantallen T_b, T_a (doelgebied), D_b, D_a (buffer), Ct_b, Ct_a (controle van het doelgebied), Cd_b, Cd_a (controle van de buffer; gelijk aan Ct bij één controlegebied), de lengte van de perioden in dagen, wdq, success_measure, buffer_measure, total_net_effect, wdd, wdd_local, wdd_displacement, wdd_se, wdd_z, p, ci_low, ci_high (95 %) en een leesbare interpretatie.</translation>
    </message>
    <message>
      <source>Weighted displacement quotient (Bowers &amp; Johnson 2003): WDQ = (D_a/C_a - D_b/C_b) / (R_a/C_a - R_b/C_b), the denominator being the success measure. Weighted displacement difference test (Wheeler &amp; Ratcliffe 2018): WDD = (T_a - T_b) - (Ct_a - Ct_b) + (D_a - D_b) - (Cd_a - Cd_b), its variance the sum of the counts (Poisson), with z, a two-sided p-value and a 95 % confidence interval. Periods of different length (counted in days) are handled as in Wheeler (2021): the after counts are scaled to the length of the before period in the WDD; the WDQ compares ratios within each period and needs no scaling. Where the areas overlap, an incident is counted once, in the first of target, buffer, control, control buffer.</source>
      <translation>Gewogen verplaatsingsquotiënt (Bowers &amp; Johnson 2003): WDQ = (D_a/C_a - D_b/C_b) / (R_a/C_a - R_b/C_b), met als noemer de succesmaat. Gewogen verplaatsingsverschiltoets (Wheeler &amp; Ratcliffe 2018): WDD = (T_a - T_b) - (Ct_a - Ct_b) + (D_a - D_b) - (Cd_a - Cd_b), met als variantie de som van de aantallen (Poisson), met z, een tweezijdige p-waarde en een 95 %-betrouwbaarheidsinterval. Perioden van verschillende lengte (in dagen) worden behandeld als in Wheeler (2021): in de WDD worden de aantallen erna herschaald naar de lengte van de periode ervoor; de WDQ vergelijkt verhoudingen binnen elke periode en hoeft niet herschaald te worden. Waar de gebieden overlappen telt een incident één keer, in het eerste van doelgebied, buffer, controlegebied, controlegebied van de buffer.</translation>
    </message>
    <message>
      <source>A negative WDD means fewer incidents than the control area's trend predicts; it is significant when the confidence interval excludes 0 (p &lt; 0.05). The WDQ is read only when the target improved (success measure below 0): above 0 diffusion of benefits, below 0 displacement, below -1 displacement larger than the gain.</source>
      <translation>Een negatieve WDD betekent minder incidenten dan de trend in het controlegebied voorspelt; hij is significant als het betrouwbaarheidsinterval 0 niet bevat (p &lt; 0,05). De WDQ wordt alleen gelezen als het doelgebied verbeterde (succesmaat onder 0): boven 0 uitstraling van het gunstige effect, onder 0 verplaatsing, onder -1 verplaatsing groter dan de winst.</translation>
    </message>
    <message>
      <source>Before period start</source>
      <translation>Begin periode ervoor</translation>
    </message>
    <message>
      <source>Before period end</source>
      <translation>Einde periode ervoor</translation>
    </message>
    <message>
      <source>After period start</source>
      <translation>Begin periode erna</translation>
    </message>
    <message>
      <source>After period end</source>
      <translation>Einde periode erna</translation>
    </message>
    <message>
      <source>The WDQ is undefined: the target area changed exactly as the control area did (success measure 0).</source>
      <translation>De WDQ is niet gedefinieerd: het doelgebied veranderde precies zoals het controlegebied (succesmaat 0).</translation>
    </message>
    <message>
      <source>Target area (where the measure ran)</source>
      <translation>Doelgebied (waar de maatregel liep)</translation>
    </message>
    <message>
      <source>Buffer area (displacement or diffusion)</source>
      <translation>Buffergebied (verplaatsing of uitstraling)</translation>
    </message>
    <message>
      <source>Control area</source>
      <translation>Controlegebied</translation>
    </message>
    <message>
      <source>Separate control area for the buffer</source>
      <translation>Apart controlegebied voor de buffer</translation>
    </message>
    <message>
      <source>Intervention effect</source>
      <translation>Effect van de interventie</translation>
    </message>
    <message>
      <source>Give {}: both periods need a start and an end date (YYYY-MM-DD).</source>
      <translation>Geef {}: beide perioden hebben een begin- en einddatum nodig (JJJJ-MM-DD).</translation>
    </message>
    <message>
      <source>The {} layer '{}' has no polygons.</source>
      <translation>De {}-laag '{}' heeft geen polygonen.</translation>
    </message>
    <message>
      <source>before</source>
      <translation>vóór</translation>
    </message>
    <message>
      <source>after</source>
      <translation>na</translation>
    </message>
    <message>
      <source>The incident layer has no incidents in the {} period ({} to {}) in field '{}'; check the dates and the time field.</source>
      <translation>De incidentenlaag heeft geen incidenten in de periode {} ({} tot {}) in veld '{}'; controleer de data en het tijdveld.</translation>
    </message>
    <message>
      <source>One control area serves target and buffer, so its change counts twice and its variance four times; a separate control area for the buffer gives a sharper test.</source>
      <translation>Eén controlegebied dient voor doelgebied en buffer, dus de verandering daarin telt twee keer en de variantie vier keer; een apart controlegebied voor de buffer geeft een scherpere toets.</translation>
    </message>
    <message>
      <source>The WDQ is undefined: the control area has no incidents in the before period, so the ratios to the control area cannot be formed. Choose a larger control area.</source>
      <translation>De WDQ is niet gedefinieerd: het controlegebied heeft geen incidenten in de periode ervoor, dus de verhoudingen tot het controlegebied bestaan niet. Kies een groter controlegebied.</translation>
    </message>
    <message>
      <source>The WDQ is undefined: the control area has no incidents in the after period, so the ratios to the control area cannot be formed. Choose a larger control area.</source>
      <translation>De WDQ is niet gedefinieerd: het controlegebied heeft geen incidenten in de periode erna, dus de verhoudingen tot het controlegebied bestaan niet. Kies een groter controlegebied.</translation>
    </message>
    <message>
      <source>WDQ = {}: {}.</source>
      <translation>WDQ = {}: {}.</translation>
    </message>
    <message>
      <source>WDD = {} incidents ({} % interval {} to {}; z = {}, p {})</source>
      <translation>WDD = {} incidenten ({} %-interval {} tot {}; z = {}, p {})</translation>
    </message>
    <message>
      <source>{}: not significantly different from the control area's trend.</source>
      <translation>{}: niet significant anders dan de trend in het controlegebied.</translation>
    </message>
    <message>
      <source>Choose a polygon layer for {}.</source>
      <translation>Kies een polygoonlaag voor {}.</translation>
    </message>
    <message>
      <source>{} incidents in the before period, {} in the after period.</source>
      <translation>{} incidenten in de periode ervoor, {} in de periode erna.</translation>
    </message>
    <message>
      <source>WDQ = {}, not interpretable: the target area did not improve relative to the control area (success measure {} &gt;= 0), so there is no effect to be displaced.</source>
      <translation>WDQ = {}, niet te interpreteren: het doelgebied verbeterde niet ten opzichte van het controlegebied (succesmaat {} &gt;= 0), dus er is geen effect dat verplaatst kan worden.</translation>
    </message>
    <message>
      <source>WDD = {}; the test is undefined because all counts are zero.</source>
      <translation>WDD = {}; de toets is niet gedefinieerd omdat alle aantallen nul zijn.</translation>
    </message>
    <message>
      <source>{}: significantly more incidents than the control area's trend predicts.</source>
      <translation>{}: significant meer incidenten dan de trend in het controlegebied voorspelt.</translation>
    </message>
    <message>
      <source>{} incidents fall outside the target, buffer and control areas and are not used.</source>
      <translation>{} incidenten vallen buiten doelgebied, buffer en controlegebied en worden niet gebruikt.</translation>
    </message>
    <message>
      <source>The periods differ in length ({} days before, {} after): in the WDD the after counts are scaled to the length of the before period; the WDQ needs no scaling.</source>
      <translation>De perioden verschillen in lengte ({} dagen ervoor, {} erna): in de WDD worden de aantallen erna herschaald naar de lengte van de periode ervoor; de WDQ hoeft niet herschaald te worden.</translation>
    </message>
    <message>
      <source>{}: significantly fewer incidents than the control area's trend predicts.</source>
      <translation>{}: significant minder incidenten dan de trend in het controlegebied voorspelt.</translation>
    </message>
    <message>
      <source>{} and {} overlap ({} m²); incidents in the overlap are counted in {} only.</source>
      <translation>{} en {} overlappen ({} m²); incidenten in de overlap tellen alleen mee in {}.</translation>
    </message>
    <message>
      <source>Kernel density</source>
      <translation>Kerneldichtheid</translation>
    </message>
    <message>
      <source>heat map,heatmap,KDE,kernel density,density,hot spot,bandwidth,raster,surface</source>
      <translation>heatmap,hittekaart,KDE,kerneldichtheid,dichtheid,hotspot,bandbreedte,raster,oppervlak</translation>
    </message>
    <message>
      <source>Quartic (biweight)</source>
      <translation>Quartisch (biweight)</translation>
    </message>
    <message>
      <source>Triangular</source>
      <translation>Driehoekig</translation>
    </message>
    <message>
      <source>Uniform</source>
      <translation>Uniform</translation>
    </message>
    <message>
      <source>Epanechnikov</source>
      <translation>Epanechnikov</translation>
    </message>
    <message>
      <source>Triweight</source>
      <translation>Triweight</translation>
    </message>
    <message>
      <source>Gaussian</source>
      <translation>Gaussisch</translation>
    </message>
    <message>
      <source>Fixed (the BANDWIDTH given)</source>
      <translation>Vast (de opgegeven BANDWIDTH)</translation>
    </message>
    <message>
      <source>Silverman's rule of thumb</source>
      <translation>vuistregel van Silverman</translation>
    </message>
    <message>
      <source>Scott's rule</source>
      <translation>regel van Scott</translation>
    </message>
    <message>
      <source>Likelihood cross-validation</source>
      <translation>Likelihood-kruisvalidatie</translation>
    </message>
    <message>
      <source>Spatial Silverman rule (as ArcGIS Pro)</source>
      <translation>ruimtelijke regel van Silverman (zoals ArcGIS Pro)</translation>
    </message>
    <message>
      <source>Makes a heat map whose values mean something: a kernel density surface of the incidents in events per km², with kernels that integrate to 1, bandwidth in metres chosen by you or from the data, optional edge correction at the border of a study area, and optionally a dual KDE risk surface (incidents per 1,000 residents).</source>
      <translation>Maakt een heatmap waarvan de waarden iets betekenen: een kerneldichtheidsoppervlak van de incidenten in gebeurtenissen per km², met kernels die tot 1 integreren, een bandbreedte in meters die u kiest of die uit de gegevens volgt, optionele randcorrectie aan de grens van een studiegebied, en optioneel een duaal KDE-risico-oppervlak (incidenten per 1.000 inwoners).</translation>
    </message>
    <message>
      <source>Optional numeric field with the weight of each incident (a count, an aoristic weight); default 1 each. Negative weights are refused; incidents with an empty weight are skipped and counted in the log.</source>
      <translation>Optioneel numeriek veld met het gewicht van elk incident (een aantal, een aoristisch gewicht); standaard 1 per incident. Negatieve gewichten worden geweigerd; incidenten zonder gewicht worden overgeslagen en in het logboek geteld.</translation>
    </message>
    <message>
      <source>Kernel shape: 0 quartic (biweight), 1 triangular, 2 uniform, 3 Epanechnikov, 4 triweight, 5 Gaussian. Each integrates to 1, so the surface holds exactly the incidents' total weight.</source>
      <translation>Vorm van de kernel: 0 quartisch (biweight), 1 driehoekig, 2 uniform, 3 Epanechnikov, 4 triweight, 5 Gaussisch. Elke kernel integreert tot 1, zodat het oppervlak precies het totale gewicht van de incidenten bevat.</translation>
    </message>
    <message>
      <source>Bandwidth in metres: the radius of an incident's influence (for the Gaussian kernel its standard deviation; it is cut at 4 standard deviations). 0 = automatic, by BANDWIDTH_METHOD. A bandwidth above 0 is always used as given.</source>
      <translation>Bandbreedte in meters: de straal van de invloed van een incident (voor de Gaussische kernel de standaardafwijking; afgekapt op 4 standaardafwijkingen). 0 = automatisch, volgens BANDWIDTH_METHOD. Een bandbreedte boven 0 wordt altijd gebruikt zoals opgegeven.</translation>
    </message>
    <message>
      <source>How the bandwidth is chosen when BANDWIDTH is 0: 4 spatial Silverman rule (default; ArcGIS Pro's default search radius: 0.9 x min(SD, sqrt(1/ln 2) x Dm) x n^-0.2, with SD the standard distance and Dm the median distance of the incidents from their mean centre, n the number of incidents or the sum of WEIGHT_FIELD; it gives street- and block-scale maps), 0 fixed (needs BANDWIDTH &gt; 0), 1 Silverman's rule of thumb (normal reference with a robust spread per axis: smooth, city-wide surfaces), 2 Scott's rule, 3 likelihood cross-validation (data-driven; slower, on a random subsample of 3,000 incidents for larger layers). A bandwidth above a tenth of the shorter side of the incidents' extent is warned about in the log: such a map shows a few blobs rather than places.</source>
      <translation>Hoe de bandbreedte wordt gekozen als BANDWIDTH 0 is: 4 ruimtelijke regel van Silverman (standaard; de standaard zoekstraal van ArcGIS Pro: 0,9 x min(SD, sqrt(1/ln 2) x Dm) x n^-0,2, met SD de standaardafstand en Dm de mediane afstand van de incidenten tot hun gemiddelde middelpunt, n het aantal incidenten of de som van WEIGHT_FIELD; geeft kaarten op straat- en blokniveau), 0 vast (vereist BANDWIDTH &gt; 0), 1 vuistregel van Silverman (normaal-referentie met een robuuste spreiding per as: gladde oppervlakken op stadsniveau), 2 regel van Scott, 3 likelihood-kruisvalidatie (datagedreven; trager, voor grotere lagen op een willekeurige steekproef van 3.000 incidenten). Een bandbreedte van meer dan een tiende van de kortste zijde van de omvang van de incidenten geeft een waarschuwing in het logboek: zo'n kaart toont een paar vlekken in plaats van plekken.</translation>
    </message>
    <message>
      <source>Seed of the random subsample used by likelihood cross-validation (same seed, same bandwidth).</source>
      <translation>Seed van de willekeurige steekproef voor de likelihood-kruisvalidatie (zelfde seed, zelfde bandbreedte).</translation>
    </message>
    <message>
      <source>Cell size of the raster in metres. 0 = automatic: about a tenth of the kernel's radius, enlarged when the raster would exceed 4,000,000 cells.</source>
      <translation>Celgrootte van het raster in meters. 0 = automatisch: ongeveer een tiende van de straal van de kernel, vergroot als het raster meer dan 4.000.000 cellen zou krijgen.</translation>
    </message>
    <message>
      <source>Optional extent of the raster, in any CRS (it is transformed to the working CRS). Default: the study area's bounds, or else the incidents' bounds grown by the kernel's radius. Incidents outside the extent still count in the cells within their reach.</source>
      <translation>Optionele omvang van het raster, in elk CRS (wordt omgezet naar het werk-CRS). Standaard: de begrenzing van het studiegebied, of anders die van de incidenten vergroot met de straal van de kernel. Incidenten buiten de omvang tellen nog mee in de cellen binnen hun bereik.</translation>
    </message>
    <message>
      <source>Optional polygon layer with the study area: incidents outside it are left out (counted in the log) and cells whose centre lies outside it are nodata.</source>
      <translation>Optionele polygoonlaag met het studiegebied: incidenten erbuiten worden weggelaten (geteld in het logboek) en cellen waarvan het middelpunt erbuiten ligt krijgen nodata.</translation>
    </message>
    <message>
      <source>Correct the underestimate near the border of the study area: each cell is divided by the share of its kernel that lies inside the study area (needs STUDY_AREA).</source>
      <translation>Corrigeer de onderschatting nabij de grens van het studiegebied: elke cel wordt gedeeld door het deel van haar kernel dat binnen het studiegebied ligt (vereist STUDY_AREA).</translation>
    </message>
    <message>
      <source>Compute by direct summation of the kernel at every cell centre (exact, slower). Default: the faster of direct summation and linear binning with FFT convolution (within 0.5 % of the peak).</source>
      <translation>Bereken door directe sommatie van de kernel in elk celmiddelpunt (exact, trager). Standaard: de snelste van directe sommatie en lineaire binning met FFT-convolutie (binnen 0,5 % van de piek).</translation>
    </message>
    <message>
      <source>Optional point layer with residents (e.g. census block centroids): the output becomes a dual KDE, incidents per 1,000 residents.</source>
      <translation>Optionele puntlaag met inwoners (bijv. zwaartepunten van bouwblokken): de uitvoer wordt een duale KDE, incidenten per 1.000 inwoners.</translation>
    </message>
    <message>
      <source>Numeric field of POPULATION with the number of residents at each point.</source>
      <translation>Numeriek veld van POPULATION met het aantal inwoners op elk punt.</translation>
    </message>
    <message>
      <source>Optional population raster (residents per cell) instead of population points; each cell counts as its residents at its centre.</source>
      <translation>Optioneel bevolkingsraster (inwoners per cel) in plaats van bevolkingspunten; elke cel telt als haar inwoners in haar middelpunt.</translation>
    </message>
    <message>
      <source>Dual KDE only: cells where the smoothed population density is below this many residents per km² are nodata, because there a rate is noise (default 100).</source>
      <translation>Alleen duale KDE: cellen waar de afgevlakte bevolkingsdichtheid lager is dan dit aantal inwoners per km² krijgen nodata, omdat een ratio daar ruis is (standaard 100).</translation>
    </message>
    <message>
      <source>Refuse rasters with more cells than this (protects against a cell size typed in the wrong unit).</source>
      <translation>Weiger rasters met meer cellen dan dit (beschermt tegen een celgrootte in de verkeerde eenheid).</translation>
    </message>
    <message>
      <source>GeoTIFF (float32) in the metric working CRS (the grid is built there; OUTPUT_CRS does not resample it, the log says when it differs): events per km² at each cell centre (weights per km² with WEIGHT_FIELD), or incidents per 1,000 residents with a population; nodata outside the study area and, for a dual KDE, where too few people live. Styled with a colour ramp whose zero is transparent (a .qml beside the file).</source>
      <translation>GeoTIFF (float32) in het metrische werk-CRS (het raster wordt daar opgebouwd; OUTPUT_CRS hersamplet het niet, het log meldt het als dat afwijkt): gebeurtenissen per km² in elk celmiddelpunt (gewicht per km² met WEIGHT_FIELD), of incidenten per 1.000 inwoners met een bevolking; nodata buiten het studiegebied en, bij een duale KDE, waar te weinig mensen wonen. Opgemaakt met een kleurverloop waarvan nul transparant is (een .qml naast het bestand).</translation>
    </message>
    <message>
      <source>Kernel density estimation (Silverman 1986) with kernels normalised to integrate to 1 (Wand &amp; Jones 1995), evaluated at cell centres; the raster's sum times the cell area equals the incidents' total weight inside the extent (logged as a check). Bandwidths: the spatial variant of Silverman's rule of ArcGIS Pro (Esri, "How Kernel Density works", default search radius; for other kernels converted from the quartic by canonical bandwidths); Silverman (1986) and Scott (1992) normal-reference rules converted to each kernel by canonical bandwidths (Marron &amp; Nolan 1988); likelihood cross-validation (Silverman 1986, 3.4.4). Fast mode: linear binning and FFT convolution (Wand 1994). Edge correction: Diggle (1985). Dual KDE: the ratio of two kernel densities with the same kernel and bandwidth. Unlike QGIS's Heatmap, distances are in metres whatever the layer's CRS and the values are densities, not unscaled kernel sums.</source>
      <translation>Kerneldichtheidsschatting (Silverman 1986) met kernels die genormaliseerd zijn om tot 1 te integreren (Wand &amp; Jones 1995), berekend in de celmiddelpunten; de som van het raster maal de celoppervlakte is gelijk aan het totale gewicht van de incidenten binnen de omvang (als controle gelogd). Bandbreedtes: de ruimtelijke variant van de regel van Silverman uit ArcGIS Pro (Esri, "How Kernel Density works", standaard zoekstraal; voor andere kernels omgerekend vanaf de quartic met canonieke bandbreedtes); de normaal-referentieregels van Silverman (1986) en Scott (1992), omgerekend naar elke kernel met canonieke bandbreedtes (Marron &amp; Nolan 1988); likelihood-kruisvalidatie (Silverman 1986, 3.4.4). Snelle modus: lineaire binning en FFT-convolutie (Wand 1994). Randcorrectie: Diggle (1985). Duale KDE: de verhouding van twee kerneldichtheden met dezelfde kernel en bandbreedte. Anders dan bij de Heatmap van QGIS zijn afstanden in meters, wat het CRS van de laag ook is, en zijn de waarden dichtheden, geen ongeschaalde kernelsommen.</translation>
    </message>
    <message>
      <source>A value of 50 means 50 incidents per km² around that cell, smoothed over the bandwidth: compare areas with it, or multiply by an area to get an expected number of incidents. The bandwidth decides what you see: a small one shows street corners, a large one neighbourhoods. A dual KDE shows risk per resident, not where incidents concentrate.</source>
      <translation>Een waarde van 50 betekent 50 incidenten per km² rond die cel, afgevlakt over de bandbreedte: vergelijk er gebieden mee, of vermenigvuldig met een oppervlakte voor een verwacht aantal incidenten. De bandbreedte bepaalt wat u ziet: een kleine toont straathoeken, een grote buurten. Een duale KDE toont het risico per inwoner, niet waar incidenten zich concentreren.</translation>
    </message>
    <message>
      <source>Bandwidth (metres, 0 = automatic)</source>
      <translation>Bandbreedte (meter, 0 = automatisch)</translation>
    </message>
    <message>
      <source>Random seed (likelihood cross-validation)</source>
      <translation>Random seed (likelihood-kruisvalidatie)</translation>
    </message>
    <message>
      <source>Cell size (metres, 0 = automatic)</source>
      <translation>Celgrootte (meter, 0 = automatisch)</translation>
    </message>
    <message>
      <source>Edge correction at the study-area border</source>
      <translation>Randcorrectie aan de grens van het studiegebied</translation>
    </message>
    <message>
      <source>Minimum population density for a rate (residents per km²)</source>
      <translation>Minimale bevolkingsdichtheid voor een ratio (inwoners per km²)</translation>
    </message>
    <message>
      <source>Exact computation (direct summation)</source>
      <translation>Exacte berekening (directe sommatie)</translation>
    </message>
    <message>
      <source>Maximum number of raster cells</source>
      <translation>Maximaal aantal rastercellen</translation>
    </message>
    <message>
      <source>The output is written as a GeoTIFF: give a file name ending in .tif, not '{}'.</source>
      <translation>De uitvoer wordt als GeoTIFF geschreven: geef een bestandsnaam die eindigt op .tif, niet '{}'.</translation>
    </message>
    <message>
      <source>The bandwidth must be 0 (automatic) or a positive number of metres, not {}.</source>
      <translation>De bandbreedte moet 0 (automatisch) of een positief aantal meters zijn, niet {}.</translation>
    </message>
    <message>
      <source>The fixed bandwidth method needs BANDWIDTH &gt; 0 metres; give a bandwidth, or choose the spatial Silverman rule, Silverman's rule, Scott's rule or likelihood cross-validation.</source>
      <translation>De methode met vaste bandbreedte vraagt BANDWIDTH &gt; 0 meter; geef een bandbreedte, of kies de ruimtelijke regel van Silverman, de regel van Silverman, de regel van Scott of likelihood-kruisvalidatie.</translation>
    </message>
    <message>
      <source>Edge correction needs a study area: give STUDY_AREA, or switch EDGE_CORRECTION off.</source>
      <translation>Randcorrectie heeft een studiegebied nodig: geef STUDY_AREA, of zet EDGE_CORRECTION uit.</translation>
    </message>
    <message>
      <source>Kernel density (events per km²)</source>
      <translation>Kerneldichtheid (gebeurtenissen per km²)</translation>
    </message>
    <message>
      <source>Risk (incidents per 1,000 residents)</source>
      <translation>Risico (incidenten per 1.000 inwoners)</translation>
    </message>
    <message>
      <source>its standard deviation; cut at 4 standard deviations</source>
      <translation>de standaardafwijking; afgekapt op 4 standaardafwijkingen</translation>
    </message>
    <message>
      <source>the radius at which an incident's influence ends</source>
      <translation>de straal waarop de invloed van een incident ophoudt</translation>
    </message>
    <message>
      <source>Give population points (POPULATION) or a population raster (POPULATION_RASTER), not both.</source>
      <translation>Geef bevolkingspunten (POPULATION) of een bevolkingsraster (POPULATION_RASTER), niet allebei.</translation>
    </message>
    <message>
      <source>points</source>
      <translation>punten</translation>
    </message>
    <message>
      <source>raster cells</source>
      <translation>rastercellen</translation>
    </message>
    <message>
      <source>Weight field</source>
      <translation>Gewichtsveld</translation>
    </message>
    <message>
      <source>Kernel</source>
      <translation>Kernel</translation>
    </message>
    <message>
      <source>Bandwidth method (when BANDWIDTH is 0)</source>
      <translation>Bandbreedtemethode (als BANDWIDTH 0 is)</translation>
    </message>
    <message>
      <source>Raster extent</source>
      <translation>Omvang raster</translation>
    </message>
    <message>
      <source>Study area (optional mask)</source>
      <translation>Onderzoeksgebied (optioneel masker)</translation>
    </message>
    <message>
      <source>Population points (dual KDE)</source>
      <translation>Bevolkingspunten (duale KDE)</translation>
    </message>
    <message>
      <source>Population field of the points</source>
      <translation>Bevolkingsveld van de punten</translation>
    </message>
    <message>
      <source>Population raster (dual KDE)</source>
      <translation>Bevolkingsraster (duale KDE)</translation>
    </message>
    <message>
      <source>None of the incidents lies inside the study area; check STUDY_AREA and the layers' CRS.</source>
      <translation>Geen van de incidenten ligt in het studiegebied; controleer STUDY_AREA en het CRS van de lagen.</translation>
    </message>
    <message>
      <source>No cell centre lies inside the study area; choose a smaller CELL_SIZE.</source>
      <translation>Geen enkel celmiddelpunt ligt in het studiegebied; kies een kleinere CELL_SIZE.</translation>
    </message>
    <message>
      <source>The bandwidth of {:,.0f} m{} is more than a tenth of the shorter side of the incidents' extent ({:,.0f} m): the map will show a few broad blobs, not places. For street- or neighbourhood-scale detail give a smaller BANDWIDTH in metres (e.g. {:g} m).</source>
      <translation>De bandbreedte van {:,.0f} m{} is meer dan een tiende van de kortste zijde van de omvang van de incidenten ({:,.0f} m): de kaart toont een paar brede vlekken, geen plekken. Geef voor detail op straat- of buurtniveau een kleinere BANDWIDTH in meters (bijv. {:g} m).</translation>
    </message>
    <message>
      <source>The raster extent (EXTENT) is empty; give an extent with a width and a height.</source>
      <translation>Het rastergebied (EXTENT) is leeg; geef een gebied met een breedte en een hoogte.</translation>
    </message>
    <message>
      <source>Population points were given without POPULATION_FIELD (the residents per point).</source>
      <translation>Er zijn bevolkingspunten opgegeven zonder POPULATION_FIELD (de inwoners per punt).</translation>
    </message>
    <message>
      <source>No incident lies within the bandwidth of the raster: the surface is zero everywhere. Check EXTENT and the period.</source>
      <translation>Geen enkel incident ligt binnen de bandbreedte van het raster: het oppervlak is overal nul. Controleer EXTENT en de periode.</translation>
    </message>
    <message>
      <source>Working and output CRS: {}</source>
      <translation>Werk- en uitvoer-CRS: {}</translation>
    </message>
    <message>
      <source>Raster: {:,} columns x {:,} rows = {:,} cells of {:g} m; top-left corner ({:.2f}, {:.2f}).</source>
      <translation>Raster: {:,} kolommen x {:,} rijen = {:,} cellen van {:g} m; linkerbovenhoek ({:.2f}, {:.2f}).</translation>
    </message>
    <message>
      <source>Edge correction is not applied to a dual KDE: incidents and population would be divided by the same kernel share, which cancels in the rate.</source>
      <translation>Randcorrectie wordt niet toegepast op een duale KDE: incidenten en bevolking zouden door hetzelfde kerneldeel worden gedeeld, dat in de ratio wegvalt.</translation>
    </message>
    <message>
      <source>the robust spread min(SD, IQR / 1.349) per axis</source>
      <translation>de robuuste spreiding min(SD, IQR / 1,349) per as</translation>
    </message>
    <message>
      <source>the standard deviations of x and y</source>
      <translation>de standaardafwijkingen van x en y</translation>
    </message>
    <message>
      <source> (a quartic radius of {:,.0f} m)</source>
      <translation> (een quartic-straal van {:,.0f} m)</translation>
    </message>
    <message>
      <source>Population: {:,.0f} residents at {:,} {} (dual KDE, incidents per 1,000 residents).</source>
      <translation>Bevolking: {:,.0f} inwoners op {:,} {} (duale KDE, incidenten per 1.000 inwoners).</translation>
    </message>
    <message>
      <source>Computed by {}.</source>
      <translation>Berekend met {}.</translation>
    </message>
    <message>
      <source>weight per km² (the sum of '{}')</source>
      <translation>gewicht per km² (de som van '{}')</translation>
    </message>
    <message>
      <source>Unit: {}. Peak: {:,.4g}.</source>
      <translation>Eenheid: {}. Piek: {:,.4g}.</translation>
    </message>
    <message>
      <source>Mass check: raster sum x cell area = {:,.3f}; total weight {:,.3f}, of which {:,.3f} inside the raster extent (they agree up to the kernel mass that crosses the extent's border, the nodata cells and any edge correction).</source>
      <translation>Massacontrole: som van het raster x celoppervlakte = {:,.3f}; totaal gewicht {:,.3f}, waarvan {:,.3f} binnen de omvang van het raster (ze komen overeen op de kernelmassa na die over de rand van de omvang valt, de nodata-cellen en een eventuele randcorrectie).</translation>
    </message>
    <message>
      <source>The cells ({:g} m) are coarse for a kernel radius of {:,.1f} m: the surface is sampled too sparsely to keep its mass; a cell size of {:g} m or less is better.</source>
      <translation>De cellen ({:g} m) zijn grof voor een kernelstraal van {:,.1f} m: het oppervlak wordt te ijl bemonsterd om zijn massa te behouden; een celgrootte van {:g} m of minder is beter.</translation>
    </message>
    <message>
      <source>Study area: {:,} of {:,} cells have their centre inside it; the others are nodata.</source>
      <translation>Studiegebied: {:,} van de {:,} cellen hebben hun middelpunt erbinnen; de andere krijgen nodata.</translation>
    </message>
    <message>
      <source>{} m bandwidth</source>
      <translation>bandbreedte {} m</translation>
    </message>
    <message>
      <source>{:,} incidents without a weight in '{}' are left out.</source>
      <translation>{:,} incidenten zonder gewicht in '{}' zijn weggelaten.</translation>
    </message>
    <message>
      <source>Bandwidth: {:,.1f} m, fixed (given); {} kernel, {}.</source>
      <translation>Bandbreedte: {:,.1f} m, vast (opgegeven); kernel {}, {}.</translation>
    </message>
    <message>
      <source>, times {:.3f} to convert the quartic radius to the {} kernel</source>
      <translation>, maal {:.3f} om de quartic-straal om te rekenen naar de kernel {}</translation>
    </message>
    <message>
      <source>Bandwidth: {:,.1f} m by the spatial Silverman rule (ArcGIS Pro's default search radius): 0.9 x min(SD, sqrt(1/ln 2) x Dm) x n^-0.2 with the standard distance SD and the median distance Dm of the incidents from their mean centre, n = {:,.0f} (incidents, or the sum of their weights){}; {}.</source>
      <translation>Bandbreedte: {:,.1f} m volgens de ruimtelijke regel van Silverman (de standaard zoekstraal van ArcGIS Pro): 0,9 x min(SD, sqrt(1/ln 2) x Dm) x n^-0,2 met de standaardafstand SD en de mediane afstand Dm van de incidenten tot hun gemiddelde middelpunt, n = {:,.0f} (incidenten, of de som van hun gewichten){}; {}.</translation>
    </message>
    <message>
      <source> The spatial Silverman rule (BANDWIDTH 0, BANDWIDTH_METHOD 4) gives {:,.0f} m here.</source>
      <translation> De ruimtelijke regel van Silverman (BANDWIDTH 0, BANDWIDTH_METHOD 4) geeft hier {:,.0f} m.</translation>
    </message>
    <message>
      <source>Cell size: {:g} m, about a tenth of the kernel's radius ({:,.1f} m).</source>
      <translation>Celgrootte: {:g} m, ongeveer een tiende van de straal van de kernel ({:,.1f} m).</translation>
    </message>
    <message>
      <source>Cell size: {:g} m; a tenth of the kernel's radius would have made {:,} cells, more than the {:,} an automatic cell size allows. Give CELL_SIZE for a finer raster.</source>
      <translation>Celgrootte: {:g} m; een tiende van de straal van de kernel zou {:,} cellen geven, meer dan de {:,} die een automatische celgrootte toestaat. Geef CELL_SIZE op voor een fijner raster.</translation>
    </message>
    <message>
      <source>Unit: {}. {:,} of {:,} cells have a rate; the others are nodata (outside the study area or too few residents). Highest rate: {:,.3g}.</source>
      <translation>Eenheid: {}. {:,} van de {:,} cellen hebben een ratio; de andere krijgen nodata (buiten het studiegebied of te weinig inwoners). Hoogste ratio: {:,.3g}.</translation>
    </message>
    <message>
      <source>{:,} incidents outside the study area are left out.</source>
      <translation>{:,} incidenten buiten het studiegebied zijn weggelaten.</translation>
    </message>
    <message>
      <source>BANDWIDTH is {:g} m, so it is used as given; BANDWIDTH_METHOD only applies when BANDWIDTH is 0.</source>
      <translation>BANDWIDTH is {:g} m en wordt dus gebruikt zoals opgegeven; BANDWIDTH_METHOD geldt alleen als BANDWIDTH 0 is.</translation>
    </message>
    <message>
      <source>Bandwidth: {:,.1f} m by {}: sigma x n^(-1/6) with {}, n = {:,.0f} (effective) incidents, times {:.3f} to convert the Gaussian bandwidth to the {} kernel; {}.</source>
      <translation>Bandbreedte: {:,.1f} m volgens de {}: sigma x n^(-1/6) met {}, n = {:,.0f} (effectieve) incidenten, maal {:.3f} om de Gaussische bandbreedte om te rekenen naar de kernel {}; {}.</translation>
    </message>
    <message>
      <source> on a random subsample of {:,} of the {:,} incidents (seed {}), scaled to the whole sample by (n_sub / n)^(1/6)</source>
      <translation> op een willekeurige steekproef van {:,} van de {:,} incidenten (seed {}), geschaald naar de hele steekproef met (n_sub / n)^(1/6)</translation>
    </message>
    <message>
      <source>Bandwidth: {:,.1f} m by likelihood cross-validation: the {} kernel bandwidth that maximises the leave-one-out log-likelihood among 50 candidates from 1/20 to 2 times Scott's rule{}; {}.</source>
      <translation>Bandbreedte: {:,.1f} m door likelihood-kruisvalidatie: de bandbreedte voor de kernel {} die de leave-one-out-log-likelihood maximaliseert onder 50 kandidaten van 1/20 tot 2 maal de regel van Scott{}; {}.</translation>
    </message>
    <message>
      <source>Extent given in {} and transformed to the working CRS.</source>
      <translation>Omvang opgegeven in {} en omgezet naar het werk-CRS.</translation>
    </message>
    <message>
      <source>Lighting check (EN 13201)</source>
      <translation>Verlichtingstoets (EN 13201)</translation>
    </message>
    <message>
      <source>lighting,street light,lamp,illuminance,lux,EN 13201,security by design</source>
      <translation>verlichting,straatverlichting,lantaarnpaal,verlichtingssterkte,lux,EN 13201,sociale veiligheid</translation>
    </message>
    <message>
      <source>Checks whether the public lighting of a plan lights its paths and squares to their class: the horizontal illuminance of every lamp is summed on the EN 13201-3 calculation grid of each path, and the average, minimum and uniformity are compared with the class (EN 13201-2 P1-P6, or the Dutch social-safety criteria). Writes a verdict per path field, the failing stretches as lines, and a raster of the illuminance on the ground.</source>
      <translation>Toetst of de openbare verlichting van een plan de paden en pleinen volgens hun klasse verlicht: de horizontale verlichtingssterkte van elke lamp wordt opgeteld op het EN 13201-3-rekenraster van elk pad, en het gemiddelde, het minimum en de gelijkmatigheid worden vergeleken met de klasse (EN 13201-2 P1-P6, of de Nederlandse criteria voor sociale veiligheid). Schrijft een oordeel per padvak, de afgekeurde stukken als lijnen en een raster van de verlichtingssterkte op de grond.</translation>
    </message>
    <message>
      <source>Lamp points (luminaires). Any CRS; distances are in metres.</source>
      <translation>Lamppunten (armaturen). Elk CRS; afstanden zijn in meters.</translation>
    </message>
    <message>
      <source>Numeric field with the mounting height above the ground in metres. Lamps with an empty or non-positive height are skipped and counted in the log.</source>
      <translation>Numeriek veld met de lichtpunthoogte boven de grond in meters. Lampen met een lege of niet-positieve hoogte worden overgeslagen en in het logboek geteld.</translation>
    </message>
    <message>
      <source>Mounting height in metres for every lamp, when no height field is given (default 5 m).</source>
      <translation>Lichtpunthoogte in meters voor elke lamp, als er geen hoogteveld is opgegeven (standaard 5 m).</translation>
    </message>
    <message>
      <source>Numeric field with the luminous flux of the lamp in lumen. Lamps with an empty or negative flux are skipped and counted in the log. With a photometric file an empty flux means the file's own lamp flux.</source>
      <translation>Numeriek veld met de lichtstroom van de lamp in lumen. Lampen met een lege of negatieve lichtstroom worden overgeslagen en in het logboek geteld. Met een fotometrisch bestand betekent een lege lichtstroom de lichtstroom uit het bestand.</translation>
    </message>
    <message>
      <source>Luminous flux in lumen for every lamp, when no flux field is given (default 4,000 lm; ignored with a photometric file, whose lamp flux is used).</source>
      <translation>Lichtstroom in lumen voor elke lamp, als er geen lichtstroomveld is opgegeven (standaard 4.000 lm; genegeerd bij een fotometrisch bestand, waarvan de lichtstroom wordt gebruikt).</translation>
    </message>
    <message>
      <source>Numeric field with the maintenance factor (0-1] of each lamp; empty values take MAINTENANCE_FACTOR.</source>
      <translation>Numeriek veld met de onderhoudsfactor (0-1] van elke lamp; lege waarden krijgen MAINTENANCE_FACTOR.</translation>
    </message>
    <message>
      <source>Maintenance factor (0-1] for lamps without their own: EN 13201-2 classes are maintained values, so the new-lamp flux is multiplied by it (default 0.8).</source>
      <translation>Onderhoudsfactor (0-1] voor lampen zonder eigen waarde: de klassen van EN 13201-2 zijn onderhouden waarden, dus de lichtstroom van een nieuwe lamp wordt ermee vermenigvuldigd (standaard 0,8).</translation>
    </message>
    <message>
      <source>Light distribution when no photometric file is given: 0 isotropic (the flux spread evenly in all directions, I = flux / 4 pi; conservative, half the light goes up), 1 downward cosine (all flux downwards, I = I0 cos gamma).</source>
      <translation>Lichtverdeling als er geen fotometrisch bestand is: 0 isotroop (de lichtstroom gelijk verdeeld over alle richtingen, I = lichtstroom / 4 pi; voorzichtig, de helft van het licht gaat omhoog), 1 neerwaartse cosinus (alle licht naar beneden, I = I0 cos gamma).</translation>
    </message>
    <message>
      <source>Optional EULUMDAT file (.ldt) with the luminaire's intensity distribution; the intensities are scaled to each lamp's flux.</source>
      <translation>Optioneel EULUMDAT-bestand (.ldt) met de lichtsterkteverdeling van het armatuur; de lichtsterkten worden geschaald naar de lichtstroom van elke lamp.</translation>
    </message>
    <message>
      <source>With a photometric file: numeric field with the compass direction (degrees from north, clockwise) of the luminaire's C0 plane; empty = 0.</source>
      <translation>Met een fotometrisch bestand: numeriek veld met de kompasrichting (graden vanaf het noorden, met de klok mee) van het C0-vlak van het armatuur; leeg = 0.</translation>
    </message>
    <message>
      <source>Paths as lines (centrelines) or areas as polygons (squares, plazas), each with a lighting class.</source>
      <translation>Paden als lijnen (hartlijnen) of gebieden als polygonen (pleinen), elk met een verlichtingsklasse.</translation>
    </message>
    <message>
      <source>Optional field that names a path in the outputs (path_id).</source>
      <translation>Optioneel veld dat een pad in de uitvoer een naam geeft (path_id).</translation>
    </message>
    <message>
      <source>Field with the lighting class of each path (e.g. P4; case does not matter). Empty values take CLASS.</source>
      <translation>Veld met de verlichtingsklasse van elk pad (bijv. P4; hoofdletters maken niet uit). Lege waarden krijgen CLASS.</translation>
    </message>
    <message>
      <source>Lighting class for paths without one (e.g. P4, or social_safety for the Dutch criteria). Left empty, a rule set with a single class uses that class.</source>
      <translation>Verlichtingsklasse voor paden zonder klasse (bijv. P4, of social_safety voor de Nederlandse criteria). Leeg gelaten gebruikt een regelset met één klasse die klasse.</translation>
    </message>
    <message>
      <source>Criteria: 0 EN 13201-2:2015 P classes (average and minimum), 1 Dutch social-safety lighting (PKVW / GPR: average, uniformity and colour rendering).</source>
      <translation>Criteria: 0 P-klassen van EN 13201-2:2015 (gemiddelde en minimum), 1 Nederlandse verlichting voor sociale veiligheid (PKVW / GPR: gemiddelde, gelijkmatigheid en kleurweergave).</translation>
    </message>
    <message>
      <source>Optional JSON rule set of your own (same layout as knowledge/rulesets/en13201.json), used instead of RULESET.</source>
      <translation>Optionele eigen regelset in JSON (zelfde opbouw als knowledge/rulesets/en13201.json), gebruikt in plaats van RULESET.</translation>
    </message>
    <message>
      <source>Colour rendering index Ra of the lamps, for criteria that require one (Dutch social safety); 0 = unknown (read from the photometric file when it has it).</source>
      <translation>Kleurweergave-index Ra van de lampen, voor criteria die er een vragen (Nederlandse sociale veiligheid); 0 = onbekend (gelezen uit het fotometrische bestand als dat hem bevat).</translation>
    </message>
    <message>
      <source>Width in metres of line paths without a width field (default 2 m, at most 100 m: draw wider spaces as polygons).</source>
      <translation>Breedte in meters van lijnvormige paden zonder breedteveld (standaard 2 m, ten hoogste 100 m: teken bredere ruimten als polygonen).</translation>
    </message>
    <message>
      <source>Optional numeric field with each line path's width in metres.</source>
      <translation>Optioneel numeriek veld met de breedte van elk lijnpad in meters.</translation>
    </message>
    <message>
      <source>Cut paths into calculation fields of at most this many metres, each with its own verdict (0 = one field per path, the default).</source>
      <translation>Deel paden op in rekenvakken van hoogstens zoveel meter, elk met een eigen oordeel (0 = één vak per pad, de standaard).</translation>
    </message>
    <message>
      <source>Optional building footprints that cast shadows: a lamp does not light a point when the straight line between them crosses a building (2-D: every building is taken as taller than the lamps).</source>
      <translation>Optionele gebouwcontouren die schaduw werpen: een lamp verlicht een punt niet als de rechte lijn ertussen een gebouw kruist (2-D: elk gebouw geldt als hoger dan de lampen).</translation>
    </message>
    <message>
      <source>Lamps farther than this many metres from a point are left out of its sum (default 100 m; an isotropic 4,000 lm lamp at 5 m gives 0.002 lx at 100 m).</source>
      <translation>Lampen verder dan zoveel meter van een punt tellen niet mee in de som (standaard 100 m; een isotrope lamp van 4.000 lm op 5 m geeft 0,002 lx op 100 m).</translation>
    </message>
    <message>
      <source>Cell size in metres of the illuminance raster (default 1 m).</source>
      <translation>Celgrootte in meters van het verlichtingsraster (standaard 1 m).</translation>
    </message>
    <message>
      <source>Extent of the raster; default the extent of the paths plus 20 m.</source>
      <translation>Omvang van het raster; standaard de omvang van de paden plus 20 m.</translation>
    </message>
    <message>
      <source>Refuse a raster with more cells than this (protects against a cell size in the wrong unit).</source>
      <translation>Weiger een raster met meer cellen dan dit (beschermt tegen een celgrootte in de verkeerde eenheid).</translation>
    </message>
    <message>
      <source>One feature per calculation field (the path, or a piece of it): class, length_m, width_m, n_along, n_across and n_points of the grid, e_avg, e_min, e_max (lx), u0 (Emin/Eav), verdict (pass, over-lit, fail, not_assessed) and the reason, naming each criterion and its value.</source>
      <translation>Eén object per rekenvak (het pad, of een stuk ervan): class, length_m, width_m, n_along, n_across en n_points van het raster, e_avg, e_min, e_max (lx), u0 (Emin/Egem), verdict (pass, over-lit, fail, not_assessed) en de reden, met elk criterium en zijn waarde.</translation>
    </message>
    <message>
      <source>Lines along the paths where the illuminance falls below the class minimum (Emin; for criteria given as average and uniformity, uniformity x average), with e_min and required_min_lx.</source>
      <translation>Lijnen langs de paden waar de verlichtingssterkte onder het minimum van de klasse zakt (Emin; bij criteria met gemiddelde en gelijkmatigheid: gelijkmatigheid x gemiddelde), met e_min en required_min_lx.</translation>
    </message>
    <message>
      <source>GeoTIFF of the horizontal illuminance on the ground in lux, styled by the P-class values.</source>
      <translation>GeoTIFF van de horizontale verlichtingssterkte op de grond in lux, opgemaakt naar de waarden van de P-klassen.</translation>
    </message>
    <message>
      <source>E_h = sum over lamps of I(C, gamma) cos^3(gamma) / H^2 x MF (inverse-square and cosine law, point sources). Grid per EN 13201-3:2015: along a field of length S, N = 10 points if S &lt;= 30 m, else spacing &lt;= 3 m, first at half a spacing; across, at least 3 points and spacing &lt;= 1.5 m. Classes from EN 13201-2:2015 and the Dutch PKVW / GPR social-safety criteria, as editable rule sets in knowledge/rulesets. Areas use the along rule on the long side of their bounding box and the across rule on the short side.</source>
      <translation>E_h = som over de lampen van I(C, gamma) cos^3(gamma) / H^2 x MF (kwadratenwet en cosinuswet, puntbronnen). Raster volgens EN 13201-3:2015: langs een vak van lengte S N = 10 punten als S &lt;= 30 m, anders een afstand &lt;= 3 m, het eerste op een halve afstand; dwars ten minste 3 punten met een afstand &lt;= 1,5 m. Klassen uit EN 13201-2:2015 en de Nederlandse PKVW / GPR-criteria voor sociale veiligheid, als aanpasbare regelsets in knowledge/rulesets. Gebieden gebruiken de langsregel op de lange zijde van hun omhullende rechthoek en de dwarsregel op de korte zijde.</translation>
    </message>
    <message>
      <source>A field fails when its average or minimum is below the class; the failing stretches show where to add or move lamps. 'over-lit' passes but spends more light than the class asks (average above 1.5 x the class value). Without photometry the isotropic model underestimates the light below a real street lamp: use a photometric file for design decisions.</source>
      <translation>Een vak wordt afgekeurd als het gemiddelde of het minimum onder de klasse ligt; de afgekeurde stukken tonen waar lampen bij moeten of verplaatst moeten worden. 'over-lit' voldoet, maar gebruikt meer licht dan de klasse vraagt (gemiddelde boven 1,5 x de klassewaarde). Zonder fotometrie onderschat het isotrope model het licht onder een echte straatlantaarn: gebruik een fotometrisch bestand voor ontwerpbeslissingen.</translation>
    </message>
    <message>
      <source>Mounting height for all lamps (m)</source>
      <translation>Lichtpunthoogte voor alle lampen (m)</translation>
    </message>
    <message>
      <source>Luminous flux for all lamps (lm)</source>
      <translation>Lichtstroom voor alle lampen (lm)</translation>
    </message>
    <message>
      <source>Maintenance factor</source>
      <translation>Onderhoudsfactor</translation>
    </message>
    <message>
      <source>Colour rendering index Ra of the lamps (0 = unknown)</source>
      <translation>Kleurweergave-index Ra van de lampen (0 = onbekend)</translation>
    </message>
    <message>
      <source>Path width (m)</source>
      <translation>Padbreedte (m)</translation>
    </message>
    <message>
      <source>Maximum calculation field length (m, 0 = whole path)</source>
      <translation>Maximale lengte van een rekenvak (m, 0 = heel pad)</translation>
    </message>
    <message>
      <source>Lamp reach (m)</source>
      <translation>Reikwijdte van een lamp (m)</translation>
    </message>
    <message>
      <source>Raster cell size (m)</source>
      <translation>Celgrootte raster (m)</translation>
    </message>
    <message>
      <source>The rule set '{}' is not a lighting rule set (kind lighting_classes).</source>
      <translation>De regelset '{}' is geen verlichtingsregelset (soort lighting_classes).</translation>
    </message>
    <message>
      <source>lamps</source>
      <translation>lampen</translation>
    </message>
    <message>
      <source>paths</source>
      <translation>paden</translation>
    </message>
    <message>
      <source>Lamps (points)</source>
      <translation>Lampen (punten)</translation>
    </message>
    <message>
      <source>Luminous flux field (lm)</source>
      <translation>Veld lichtstroom (lm)</translation>
    </message>
    <message>
      <source>Maintenance factor field</source>
      <translation>Veld onderhoudsfactor</translation>
    </message>
    <message>
      <source>Photometric file (EULUMDAT .ldt)</source>
      <translation>Fotometrisch bestand (EULUMDAT .ldt)</translation>
    </message>
    <message>
      <source>Paths or squares with a lighting class</source>
      <translation>Paden of pleinen met een verlichtingsklasse</translation>
    </message>
    <message>
      <source>Path name field</source>
      <translation>Veld padnaam</translation>
    </message>
    <message>
      <source>Lighting class field</source>
      <translation>Veld verlichtingsklasse</translation>
    </message>
    <message>
      <source>Lighting class (default)</source>
      <translation>Verlichtingsklasse (standaard)</translation>
    </message>
    <message>
      <source>Criteria</source>
      <translation>Criteria</translation>
    </message>
    <message>
      <source>Path width field (m)</source>
      <translation>Veld padbreedte (m)</translation>
    </message>
    <message>
      <source>Buildings casting shadows</source>
      <translation>Gebouwen die schaduw werpen</translation>
    </message>
    <message>
      <source>Lighting per path</source>
      <translation>Verlichting per pad</translation>
    </message>
    <message>
      <source>Failing stretches</source>
      <translation>Afgekeurde stukken</translation>
    </message>
    <message>
      <source>Illuminance raster (lx)</source>
      <translation>Raster verlichtingssterkte (lx)</translation>
    </message>
    <message>
      <source>without a positive mounting height</source>
      <translation>zonder positieve lichtpunthoogte</translation>
    </message>
    <message>
      <source>without a usable luminous flux</source>
      <translation>zonder bruikbare lichtstroom</translation>
    </message>
    <message>
      <source>with a maintenance factor outside (0, 1]</source>
      <translation>met een onderhoudsfactor buiten (0, 1]</translation>
    </message>
    <message>
      <source>Light distribution without photometry</source>
      <translation>Lichtverdeling zonder fotometrie</translation>
    </message>
    <message>
      <source>Luminaire C0 direction field (degrees)</source>
      <translation>Veld richting C0 van het armatuur (graden)</translation>
    </message>
    <message>
      <source>EN 13201-2 P classes</source>
      <translation>P-klassen EN 13201-2</translation>
    </message>
    <message>
      <source>Dutch social-safety lighting</source>
      <translation>Nederlandse verlichting voor sociale veiligheid</translation>
    </message>
    <message>
      <source>Cannot read the photometry file {}: {}</source>
      <translation>Kan het fotometriebestand {} niet lezen: {}</translation>
    </message>
    <message>
      <source>{} lamps used.</source>
      <translation>{} lampen gebruikt.</translation>
    </message>
    <message>
      <source>{} calculation fields with {} grid points (EN 13201-3).</source>
      <translation>{} rekenvakken met {} rasterpunten (EN 13201-3).</translation>
    </message>
    <message>
      <source>{} of {} assessed fields fail their class; {} failing stretches ({:.0f} m).</source>
      <translation>{} van {} getoetste vakken halen hun klasse niet; {} afgekeurde stukken ({:.0f} m).</translation>
    </message>
    <message>
      <source>Illuminance raster: {} x {} cells of {:g} m.</source>
      <translation>Verlichtingsraster: {} x {} cellen van {:g} m.</translation>
    </message>
    <message>
      <source>Isotropic (flux / 4 pi in all directions)</source>
      <translation>Isotroop (lichtstroom / 4 pi in alle richtingen)</translation>
    </message>
    <message>
      <source>Downward cosine (all flux downwards)</source>
      <translation>Neerwaartse cosinus (alle licht naar beneden)</translation>
    </message>
    <message>
      <source>Photometry '{}': {:g} lm.</source>
      <translation>Fotometrie '{}': {:g} lm.</translation>
    </message>
    <message>
      <source>{} paths have no lighting class and are not assessed (give CLASS).</source>
      <translation>{} paden hebben geen verlichtingsklasse en worden niet getoetst (geef CLASS).</translation>
    </message>
    <message>
      <source>{} of {} lamps {} were skipped.</source>
      <translation>{} van {} lampen {} zijn overgeslagen.</translation>
    </message>
    <message>
      <source>Cluster and outlier analysis (Local Moran's I)</source>
      <translation>Cluster- en uitschieteranalyse (lokale Moran's I)</translation>
    </message>
    <message>
      <source>LISA,Local Moran's I,cluster,outlier,high-high,low-low,Anselin,spatial autocorrelation</source>
      <translation>LISA,lokale Moran's I,cluster,uitschieter,hoog-hoog,laag-laag,Anselin,ruimtelijke autocorrelatie</translation>
    </message>
    <message>
      <source>Finds clusters of similar values (high among high, low among low) and outliers (a high value among low ones, or the reverse) with the local Moran's I statistic (LISA), e.g. on incident counts or rates per cell or neighbourhood.</source>
      <translation>Vindt clusters van gelijke waarden (hoog tussen hoog, laag tussen laag) en uitschieters (een hoge waarde tussen lage, of omgekeerd) met de lokale Moran's I-statistiek (LISA), bijv. op aantallen of ratio's van incidenten per cel of buurt.</translation>
    </message>
    <message>
      <source>Conditional permutations for the pseudo p-values (999 is usual; at least 1).</source>
      <translation>Conditionele permutaties voor de pseudo-p-waarden (999 is gebruikelijk; minstens 1).</translation>
    </message>
    <message>
      <source>Yes (default): correct for testing every feature at once with the Benjamini-Hochberg false discovery rate; a feature is significant when its q-value is at most ALPHA.</source>
      <translation>Ja (standaard): corrigeer voor het tegelijk toetsen van alle objecten met de false discovery rate van Benjamini-Hochberg; een object is significant als zijn q-waarde hoogstens ALPHA is.</translation>
    </message>
    <message>
      <source>Significance level (default 0.05).</source>
      <translation>Significantieniveau (standaard 0,05).</translation>
    </message>
    <message>
      <source>The input features with their fields, source_fid and: lisa_i (local Moran's I), lisa_p_sim (permutation pseudo p-value), lisa_q (its Benjamini-Hochberg q-value), quadrant (HH, LH, LL, HL: the feature's value and its neighbours' average, high or low), label (the quadrant as a cluster or outlier when significant, else 'Not significant'), value_std and lag_std (the axes of the Moran scatterplot) and n_neighbours. Styled as a cluster map.</source>
      <translation>De invoerobjecten met hun velden, source_fid en: lisa_i (lokale Moran's I), lisa_p_sim (pseudo-p-waarde uit permutaties), lisa_q (de Benjamini-Hochberg-q-waarde daarvan), quadrant (HH, LH, LL, HL: de waarde van het object en het gemiddelde van zijn buren, hoog of laag), label (het kwadrant als cluster of uitschieter wanneer significant, anders 'Not significant'), value_std en lag_std (de assen van de Moran-spreidingsgrafiek) en n_neighbours. Opgemaakt als clusterkaart.</translation>
    </message>
    <message>
      <source>Anselin (1995), Local indicators of spatial association - LISA, with row-standardised weights; values equal PySAL esda's Moran_Local and R spdep's localmoran. Pseudo p-values by conditional randomisation, seeded; Benjamini &amp; Hochberg (1995) false discovery rate.</source>
      <translation>Anselin (1995), Local indicators of spatial association - LISA, met rij-gestandaardiseerde gewichten; de waarden zijn gelijk aan Moran_Local uit PySAL esda en localmoran uit R spdep. Pseudo-p-waarden door conditionele randomisatie, met seed; false discovery rate van Benjamini &amp; Hochberg (1995).</translation>
    </message>
    <message>
      <source>High-High: a high value surrounded by high values (a hot cluster); Low-Low: a cold cluster; High-Low: a high value among low ones (an outlier worth a look, e.g. one problem address); Low-High: a low value among high ones.</source>
      <translation>Hoog-Hoog: een hoge waarde omringd door hoge waarden (een heet cluster); Laag-Laag: een koud cluster; Hoog-Laag: een hoge waarde tussen lage (een uitschieter die aandacht verdient, bijv. één probleemadres); Laag-Hoog: een lage waarde tussen hoge.</translation>
    </message>
    <message>
      <source>High-High cluster</source>
      <translation>Hoog-Hoog-cluster</translation>
    </message>
    <message>
      <source>Low-Low cluster</source>
      <translation>Laag-Laag-cluster</translation>
    </message>
    <message>
      <source>High-Low outlier</source>
      <translation>Hoog-Laag-uitschieter</translation>
    </message>
    <message>
      <source>Low-High outlier</source>
      <translation>Laag-Hoog-uitschieter</translation>
    </message>
    <message>
      <source>Not significant</source>
      <translation>Niet significant</translation>
    </message>
    <message>
      <source>No neighbours</source>
      <translation>Geen buren</translation>
    </message>
    <message>
      <source>Clusters and outliers</source>
      <translation>Clusters en uitschieters</translation>
    </message>
    <message>
      <source>High-High clusters: {}; Low-Low clusters: {}; High-Low outliers: {}; Low-High outliers: {}; not significant: {}; without neighbours: {}.</source>
      <translation>Hoog-Hoog-clusters: {}; Laag-Laag-clusters: {}; Hoog-Laag-uitschieters: {}; Laag-Hoog-uitschieters: {}; niet significant: {}; zonder buren: {}.</translation>
    </message>
    <message>
      <source>Clusters and outliers (local Moran's I, {})</source>
      <translation>Clusters en uitschieters (lokale Moran's I, {})</translation>
    </message>
    <message>
      <source>FDR on: a feature is significant when the Benjamini-Hochberg q-value of its permutation p-value is at most {:g}.</source>
      <translation>FDR aan: een object is significant als de Benjamini-Hochberg-q-waarde van zijn permutatie-p-waarde hoogstens {:g} is.</translation>
    </message>
    <message>
      <source>FDR off: a feature is significant when its permutation p-value is at most {:g}; with many features some will look significant by chance.</source>
      <translation>FDR uit: een object is significant als zijn permutatie-p-waarde hoogstens {:g} is; bij veel objecten lijken er enkele door toeval significant.</translation>
    </message>
    <message>
      <source>Natural surveillance (overlooking)</source>
      <translation>Natuurlijk toezicht (overzicht vanuit gebouwen)</translation>
    </message>
    <message>
      <source>natural surveillance,overlooking,eyes on the street,windows,visibility,CPTED,security by design</source>
      <translation>natuurlijk toezicht,overzicht,ogen op straat,ramen,zichtbaarheid,CPTED,sociale veiligheid</translation>
    </message>
    <message>
      <source>Finds which stretches of path and which parts of public space are overlooked by windows and doors ('eyes on the street'). Each opening sees up to a range within its viewing angle; buildings block the view. Writes per path piece the share that is overlooked and the number of openings overlooking it, and the public space that nobody overlooks.</source>
      <translation>Bepaalt welke stukken pad en welke delen van de openbare ruimte gezien worden vanuit ramen en deuren ('ogen op straat'). Elke opening kijkt tot een bereik binnen zijn kijkhoek; gebouwen blokkeren het zicht. Schrijft per padstuk het aandeel dat gezien wordt en het aantal openingen dat erop uitkijkt, en de openbare ruimte die door niemand gezien wordt.</translation>
    </message>
    <message>
      <source>Window and door points. Leave empty to generate openings along every facade of BUILDINGS (SPACING, STOREYS). Openings within SNAP_DISTANCE of a facade are moved onto it.</source>
      <translation>Punten van ramen en deuren. Laat leeg om openingen langs elke gevel van BUILDINGS te maken (SPACING, STOREYS). Openingen binnen SNAP_DISTANCE van een gevel worden erop gezet.</translation>
    </message>
    <message>
      <source>Numeric field with the direction an opening faces (degrees from north, clockwise). Without it, or where it is empty, an opening faces straight out of the nearest facade; an opening farther than SNAP_DISTANCE from any facade looks all around.</source>
      <translation>Numeriek veld met de kijkrichting van een opening (graden vanaf het noorden, met de klok mee). Zonder dit veld, of waar het leeg is, kijkt een opening recht uit de dichtstbijzijnde gevel; een opening verder dan SNAP_DISTANCE van elke gevel kijkt rondom.</translation>
    </message>
    <message>
      <source>Viewing angle of an opening in degrees, centred on its facing (default 180: a window sees the half-plane in front of it).</source>
      <translation>Kijkhoek van een opening in graden, gecentreerd op de kijkrichting (standaard 180: een raam ziet het halfvlak ervoor).</translation>
    </message>
    <message>
      <source>Building footprints: they block the view (2-D: every building is taller than the sight lines) and carry the generated openings. Overlapping footprints are fine.</source>
      <translation>Gebouwcontouren: ze blokkeren het zicht (2-D: elk gebouw is hoger dan de zichtlijnen) en dragen de gemaakte openingen. Overlappende contouren zijn geen probleem.</translation>
    </message>
    <message>
      <source>Optional numeric field of BUILDINGS with the number of storeys, for generated openings (empty values take STOREYS).</source>
      <translation>Optioneel numeriek veld van BUILDINGS met het aantal bouwlagen, voor gemaakte openingen (lege waarden krijgen STOREYS).</translation>
    </message>
    <message>
      <source>Distance in metres between generated openings along a facade (default 5 m).</source>
      <translation>Afstand in meters tussen gemaakte openingen langs een gevel (standaard 5 m).</translation>
    </message>
    <message>
      <source>Storeys with windows for generated openings (default 3; each storey's window counts as an opening).</source>
      <translation>Bouwlagen met ramen voor gemaakte openingen (standaard 3; het raam van elke bouwlaag telt als een opening).</translation>
    </message>
    <message>
      <source>Storey height in metres, for the height of generated openings (informational).</source>
      <translation>Verdiepingshoogte in meters, voor de hoogte van gemaakte openingen (ter informatie).</translation>
    </message>
    <message>
      <source>Distance in metres up to which an opening overlooks (default 25 m; about 15 m is the distance at which a face is recognised).</source>
      <translation>Afstand in meters tot waar een opening zicht heeft (standaard 25 m; op ongeveer 15 m wordt een gezicht herkend).</translation>
    </message>
    <message>
      <source>Paths (lines) to check.</source>
      <translation>Te toetsen paden (lijnen).</translation>
    </message>
    <message>
      <source>Optional field that names a path in the output (path_id).</source>
      <translation>Optioneel veld dat een pad in de uitvoer een naam geeft (path_id).</translation>
    </message>
    <message>
      <source>Distance in metres between the sample points along a path (default 2 m).</source>
      <translation>Afstand in meters tussen de meetpunten langs een pad (standaard 2 m).</translation>
    </message>
    <message>
      <source>Paths are cut into equal pieces of at most this many metres, each with its own result (default 25 m; 0 = whole paths).</source>
      <translation>Paden worden in gelijke stukken van hoogstens zoveel meter verdeeld, elk met een eigen uitkomst (standaard 25 m; 0 = hele paden).</translation>
    </message>
    <message>
      <source>A piece passes when at least this share of it is overlooked (default 0.8, a project default: no standard gives a figure).</source>
      <translation>Een stuk voldoet als ten minste dit aandeel ervan gezien wordt (standaard 0,8, een projectkeuze: geen norm geeft een getal).</translation>
    </message>
    <message>
      <source>Optional polygons of public space (squares, parks). Default: the paths, PATH_WIDTH wide.</source>
      <translation>Optionele polygonen van openbare ruimte (pleinen, parken). Standaard: de paden, PATH_WIDTH breed.</translation>
    </message>
    <message>
      <source>Width in metres of the paths when they stand in for the public space (default 2 m).</source>
      <translation>Breedte in meters van de paden als zij de openbare ruimte vormen (standaard 2 m).</translation>
    </message>
    <message>
      <source>Openings closer than this many metres to a facade are moved onto it (default 1 m).</source>
      <translation>Openingen dichter dan zoveel meter bij een gevel worden erop gezet (standaard 1 m).</translation>
    </message>
    <message>
      <source>Path pieces with start_m, end_m, length_m, n_samples, overlooked_share (0-1), n_openings (distinct openings that see some of the piece), verdict (pass/fail against MIN_SHARE) and reason.</source>
      <translation>Padstukken met start_m, end_m, length_m, n_samples, overlooked_share (0-1), n_openings (verschillende openingen die een deel van het stuk zien), verdict (pass/fail tegen MIN_SHARE) en reden.</translation>
    </message>
    <message>
      <source>Polygons of public space (buildings left out) that no opening overlooks, with area_m2.</source>
      <translation>Polygonen van openbare ruimte (zonder gebouwen) die door geen enkele opening gezien worden, met area_m2.</translation>
    </message>
    <message>
      <source>Exact 2-D visibility: sight lines and isovists (Benedikt 1979) among the building walls by a rotational sweep, so walls cut the view exactly; the range is a circle. Path samples are seen when the straight line from an opening is within range and angle and crosses no wall. The public space overlooked by nobody is computed with exact polygons: the union of all openings' isovists subtracted from the public space by QGIS's geometry engine (GEOS). Heights are informational; every storey has the same 2-D view.</source>
      <translation>Exacte 2-D-zichtbaarheid: zichtlijnen en isovisten (Benedikt 1979) tussen de gebouwmuren met een draaiende scan, zodat muren het zicht exact afsnijden; het bereik is een cirkel. Meetpunten op een pad worden gezien als de rechte lijn vanaf een opening binnen bereik en kijkhoek ligt en geen muur kruist. De openbare ruimte die door niemand gezien wordt, wordt berekend met exacte polygonen: de vereniging van de isovisten van alle openingen wordt van de openbare ruimte afgetrokken met de geometrie-engine van QGIS (GEOS). Hoogten zijn ter informatie; elke bouwlaag heeft hetzelfde 2-D-zicht.</translation>
    </message>
    <message>
      <source>Low shares and large unwatched polygons mark places without 'eyes on the street' (Jacobs 1961; Newman 1972): candidates for more active frontage, windows, lighting or rerouting the path.</source>
      <translation>Lage aandelen en grote onbewaakte polygonen wijzen plekken zonder 'ogen op straat' aan (Jacobs 1961; Newman 1972): kandidaten voor levendiger gevels, ramen, verlichting of een andere route van het pad.</translation>
    </message>
    <message>
      <source>Viewing angle (degrees)</source>
      <translation>Kijkhoek (graden)</translation>
    </message>
    <message>
      <source>Spacing of generated openings (m)</source>
      <translation>Afstand tussen gemaakte openingen (m)</translation>
    </message>
    <message>
      <source>Storeys of generated openings</source>
      <translation>Bouwlagen van gemaakte openingen</translation>
    </message>
    <message>
      <source>Storey height (m)</source>
      <translation>Verdiepingshoogte (m)</translation>
    </message>
    <message>
      <source>Overlook range (m)</source>
      <translation>Zichtbereik (m)</translation>
    </message>
    <message>
      <source>Sample spacing along paths (m)</source>
      <translation>Afstand meetpunten langs paden (m)</translation>
    </message>
    <message>
      <source>Path piece length (m, 0 = whole paths)</source>
      <translation>Lengte padstuk (m, 0 = hele paden)</translation>
    </message>
    <message>
      <source>Required overlooked share of a piece</source>
      <translation>Vereist gezien aandeel van een stuk</translation>
    </message>
    <message>
      <source>Snap openings to facades within (m)</source>
      <translation>Openingen op gevels zetten binnen (m)</translation>
    </message>
    <message>
      <source>openings</source>
      <translation>openingen</translation>
    </message>
    <message>
      <source>PATHS must be lines; give squares and parks as PUBLIC_SPACE.</source>
      <translation>PATHS moeten lijnen zijn; geef pleinen en parken op als PUBLIC_SPACE.</translation>
    </message>
    <message>
      <source>There are no openings: the OPENINGS layer is empty, or BUILDINGS has no facade long enough for one opening at this SPACING.</source>
      <translation>Er zijn geen openingen: de laag OPENINGS is leeg, of BUILDINGS heeft geen gevel die lang genoeg is voor één opening bij deze SPACING.</translation>
    </message>
    <message>
      <source>Windows and doors (points)</source>
      <translation>Ramen en deuren (punten)</translation>
    </message>
    <message>
      <source>Facing direction field (degrees)</source>
      <translation>Veld kijkrichting (graden)</translation>
    </message>
    <message>
      <source>Storeys field of the buildings</source>
      <translation>Veld bouwlagen van de gebouwen</translation>
    </message>
    <message>
      <source>Paths</source>
      <translation>Paden</translation>
    </message>
    <message>
      <source>Public space (polygons)</source>
      <translation>Openbare ruimte (polygonen)</translation>
    </message>
    <message>
      <source>Overlooking per path piece</source>
      <translation>Toezicht per padstuk</translation>
    </message>
    <message>
      <source>Public space overlooked by nobody</source>
      <translation>Openbare ruimte zonder toezicht</translation>
    </message>
    <message>
      <source>Give OPENINGS (window and door points) or BUILDINGS to generate them from.</source>
      <translation>Geef OPENINGS (punten van ramen en deuren) of BUILDINGS om ze uit af te leiden.</translation>
    </message>
    <message>
      <source>public space</source>
      <translation>openbare ruimte</translation>
    </message>
    <message>
      <source>{} openings generated along the facades.</source>
      <translation>{} openingen langs de gevels gemaakt.</translation>
    </message>
    <message>
      <source>{:.0f} of {:.0f} m of path overlooked ({} openings, {} distinct views); {:.0f} m² of public space overlooked by nobody.</source>
      <translation>{:.0f} van {:.0f} m pad gezien ({} openingen, {} verschillende zichten); {:.0f} m² openbare ruimte door niemand gezien.</translation>
    </message>
    <message>
      <source>{} openings have no facing and are not on a facade: they look all around.</source>
      <translation>{} openingen hebben geen kijkrichting en staan niet op een gevel: ze kijken rondom.</translation>
    </message>
    <message>
      <source>Optimized hot spot analysis</source>
      <translation>Geoptimaliseerde hotspotanalyse</translation>
    </message>
    <message>
      <source>optimized hot spot,hotspot,Getis-Ord,Gi*,cell size,hexagon,automatic,cluster</source>
      <translation>geoptimaliseerde hotspot,hotspot,Getis-Ord,Gi*,celgrootte,zeshoek,automatisch,cluster</translation>
    </message>
    <message>
      <source>z keeps rising up to the widest band: the incidents cluster at scales larger than the ones tested (typical of city-wide crime)</source>
      <translation>z blijft stijgen tot de breedste band: de incidenten clusteren op grotere schalen dan de geteste (typisch voor criminaliteit over een hele stad)</translation>
    </message>
    <message>
      <source>z is highest at the narrowest band: the incidents cluster at scales finer than the fine grid</source>
      <translation>z is het hoogst bij de smalste band: de incidenten clusteren op kleinere schalen dan het fijne raster</translation>
    </message>
    <message>
      <source>no band shows significant clustering (z below {:.2f})</source>
      <translation>geen enkele band toont significante clustering (z onder {:.2f})</translation>
    </message>
    <message>
      <source>Moran's I is undefined (the fine-grid counts do not vary)</source>
      <translation>Moran's I is niet gedefinieerd (de aantallen in het fijne raster variëren niet)</translation>
    </message>
    <message>
      <source>Finds statistically significant hot and cold spots from incident points alone: it chooses the area, the hexagon size and the neighbours from the data, counts the incidents per hexagon and runs Getis-Ord Gi* with a false discovery rate correction. Every decision and its reason is written to the log, so the settings can be reused in Hot spot analysis.</source>
      <translation>Vindt statistisch significante hotspots en coldspots op basis van alleen incidentpunten: het gebied, de zeshoekgrootte en de buren worden uit de gegevens gekozen, de incidenten worden per zeshoek geteld en Getis-Ord Gi* wordt berekend met een correctie voor de false discovery rate. Elke beslissing en de reden ervan staan in het logboek, zodat de instellingen in Hotspotanalyse kunnen worden hergebruikt.</translation>
    </message>
    <message>
      <source>Optional polygons where incidents can occur: every hexagon overlapping them is analysed and incidents outside are left out. Default: the convex hull of the incidents, without remote locational outliers.</source>
      <translation>Optionele polygonen waarbinnen incidenten kunnen voorkomen: elke zeshoek die ermee overlapt wordt geanalyseerd en incidenten daarbuiten worden weggelaten. Standaard: het convexe omhulsel van de incidenten, zonder afgelegen ruimtelijke uitschieters.</translation>
    </message>
    <message>
      <source>Hexagon size in metres (distance between parallel sides). 0 = automatic (incremental spatial autocorrelation, see Method).</source>
      <translation>Zeshoekgrootte in meters (afstand tussen evenwijdige zijden). 0 = automatisch (incrementele ruimtelijke autocorrelatie, zie Methode).</translation>
    </message>
    <message>
      <source>0 (default) = analytical p-values, as ArcGIS; more (e.g. 499) = conditional permutation pseudo p-values decide the bins (gi_p_sim).</source>
      <translation>0 (standaard) = analytische p-waarden, zoals ArcGIS; meer (bijv. 499) = pseudo-p-waarden uit conditionele permutaties bepalen de klassen (gi_p_sim).</translation>
    </message>
    <message>
      <source>Random seed of the permutations: the same seed gives the same p-values.</source>
      <translation>Startwaarde (seed) van de permutaties: dezelfde seed geeft dezelfde p-waarden.</translation>
    </message>
    <message>
      <source>Hexagons with cell_id, count (incidents), n_neighbours (not counting the cell itself), gi_z, gi_p (two-sided, analytical), gi_p_sim (with permutations), gi_q (Benjamini-Hochberg q-value of the p-value used), gi_bin (-3..3: cold/hot spot at 99/95/90 % confidence after the FDR correction) and label. Styled red (hot) and blue (cold), as Hot spot analysis.</source>
      <translation>Zeshoeken met cell_id, count (incidenten), n_neighbours (zonder de cel zelf), gi_z, gi_p (tweezijdig, analytisch), gi_p_sim (met permutaties), gi_q (Benjamini-Hochberg-q-waarde van de gebruikte p-waarde), gi_bin (-3..3: cold-/hotspot met 99/95/90 % betrouwbaarheid na de FDR-correctie) en label. Rood (hot) en blauw (cold) opgemaakt, zoals Hotspotanalyse.</translation>
    </message>
    <message>
      <source>1. Locational outliers: incidents whose nearest neighbour is more than 3 standard deviations beyond the mean nearest-neighbour distance; an outlier that alone would enlarge the area by more than 5 % is remote (likely misplaced) and left out. 2. Area: the study area, else the convex hull of the incidents; empty hexagons inside it are kept (zero is information). 3. Cell size: global Moran's I of the counts on a fine hexagon grid (about 5,000 cells) for 10 distance bands (incremental spatial autocorrelation); the first significant peak of its z-score (z &gt;= 1.96) is the scale at which incidents cluster, and becomes the hexagon size (rounded to 2 digits). Without a peak: the smallest size at which non-empty hexagons hold a median of 3 incidents. 4. Gi* (Getis &amp; Ord 1992, Ord &amp; Getis 1995) on the counts with the 6 surrounding hexagons as neighbours, the cell itself included; bins from Benjamini-Hochberg (1995) q-values.</source>
      <translation>1. Ruimtelijke uitschieters: incidenten waarvan de dichtstbijzijnde buur meer dan 3 standaardafwijkingen verder ligt dan de gemiddelde afstand tot de dichtstbijzijnde buur; een uitschieter die in zijn eentje het gebied met meer dan 5 % zou vergroten, is afgelegen (waarschijnlijk verkeerd geplaatst) en wordt weggelaten. 2. Gebied: het studiegebied, anders het convexe omhulsel van de incidenten; lege zeshoeken daarbinnen blijven behouden (nul is ook informatie). 3. Celgrootte: globale Moran's I van de aantallen op een fijn zeshoekraster (ongeveer 5.000 cellen) voor 10 afstandsbanden (incrementele ruimtelijke autocorrelatie); de eerste significante piek van de z-score (z &gt;= 1,96) is de schaal waarop incidenten clusteren en wordt de zeshoekgrootte (afgerond op 2 cijfers). Zonder piek: de kleinste grootte waarbij niet-lege zeshoeken een mediaan van 3 incidenten bevatten. 4. Gi* (Getis &amp; Ord 1992, Ord &amp; Getis 1995) op de aantallen met de 6 omliggende zeshoeken als buren, de cel zelf inbegrepen; klassen op basis van Benjamini-Hochberg-q-waarden (1995).</translation>
    </message>
    <message>
      <source>Red hexagons are hot spots: they and their neighbours hold more incidents than chance would give, after correcting for testing many hexagons at once. A lone dense hexagon among quiet neighbours may not be a hot spot; a quiet hexagon next to a hot cluster may be.</source>
      <translation>Rode zeshoeken zijn hotspots: zij en hun buren bevatten meer incidenten dan toeval zou geven, na correctie voor het tegelijk toetsen van veel zeshoeken. Eén drukke zeshoek tussen rustige buren is misschien geen hotspot; een rustige zeshoek naast een heet cluster kan er wel een zijn.</translation>
    </message>
    <message>
      <source>Hexagon size (metres, 0 = automatic)</source>
      <translation>Zeshoekgrootte (meter, 0 = automatisch)</translation>
    </message>
    <message>
      <source>Permutations (0 = analytical p-values)</source>
      <translation>Permutaties (0 = analytische p-waarden)</translation>
    </message>
    <message>
      <source>analytical p-values (normal approximation)</source>
      <translation>analytische p-waarden (normale benadering)</translation>
    </message>
    <message>
      <source>Optimized hot spots</source>
      <translation>Geoptimaliseerde hotspots</translation>
    </message>
    <message>
      <source>  &lt;- first peak</source>
      <translation>  &lt;- eerste piek</translation>
    </message>
    <message>
      <source>{} hexagons of {:g} m cover the area ({} with incidents); {} of {} incidents counted, {} outside the analysed hexagons.</source>
      <translation>{} zeshoeken van {:g} m bedekken het gebied ({} met incidenten); {} van {} incidenten geteld, {} buiten de geanalyseerde zeshoeken.</translation>
    </message>
    <message>
      <source>Neighbours: the 6 hexagons around each cell (contiguity, centres {:g} m apart), the cell itself included (Gi*). The cell size already sets the scale of analysis, and hexagons have all six neighbours at the same distance.</source>
      <translation>Buren: de 6 zeshoeken rond elke cel (aangrenzing, middelpunten {:g} m uit elkaar), de cel zelf inbegrepen (Gi*). De celgrootte bepaalt al de schaal van de analyse, en bij zeshoeken liggen alle zes buren op dezelfde afstand.</translation>
    </message>
    <message>
      <source>pseudo p-values from {} conditional permutations</source>
      <translation>pseudo-p-waarden uit {} conditionele permutaties</translation>
    </message>
    <message>
      <source>Significance: {}, corrected for testing {} hexagons at once with the Benjamini-Hochberg false discovery rate; bins use the q-values.</source>
      <translation>Significantie: {}, gecorrigeerd voor het tegelijk toetsen van {} zeshoeken met de Benjamini-Hochberg false discovery rate; de klassen gebruiken de q-waarden.</translation>
    </message>
    <message>
      <source>Hot spots: {} at 99 %, {} at 95 %, {} at 90 % confidence; cold spots: {} at 99 %, {} at 95 %, {} at 90 %.</source>
      <translation>Hotspots: {} met 99 %, {} met 95 %, {} met 90 % betrouwbaarheid; coldspots: {} met 99 %, {} met 95 %, {} met 90 %.</translation>
    </message>
    <message>
      <source>{} incidents read (at least {} are needed).</source>
      <translation>{} incidenten gelezen (er zijn er minstens {} nodig).</translation>
    </message>
    <message>
      <source>{} incidents are locational outliers (nearest neighbour farther than {:.0f} m: the mean nearest-neighbour distance of {:.1f} m plus {:g} standard deviations).</source>
      <translation>{} incidenten zijn ruimtelijke uitschieters (dichtstbijzijnde buur verder dan {:.0f} m: de gemiddelde afstand tot de dichtstbijzijnde buur van {:.1f} m plus {:g} standaardafwijkingen).</translation>
    </message>
    <message>
      <source>No locational outliers (mean nearest-neighbour distance {:.1f} m).</source>
      <translation>Geen ruimtelijke uitschieters (gemiddelde afstand tot de dichtstbijzijnde buur {:.1f} m).</translation>
    </message>
    <message>
      <source>Analysed area: the study area, {:.2f} km²; {} incidents lie outside it and are left out.</source>
      <translation>Geanalyseerd gebied: het studiegebied, {:.2f} km²; {} incidenten liggen erbuiten en worden weggelaten.</translation>
    </message>
    <message>
      <source>Analysed area: the convex hull of the incidents, {:.2f} km² (give a study area to set it yourself).</source>
      <translation>Geanalyseerd gebied: het convexe omhulsel van de incidenten, {:.2f} km² (geef een studiegebied op om het zelf te bepalen).</translation>
    </message>
    <message>
      <source>Cell size: {:g} m, as given (CELL_SIZE).</source>
      <translation>Celgrootte: {:g} m, zoals opgegeven (CELL_SIZE).</translation>
    </message>
    <message>
      <source>Scale search (incremental spatial autocorrelation): global Moran's I of the counts on {} hexagons of {:.1f} m, for distance bands in steps of that size:</source>
      <translation>Schaalzoektocht (incrementele ruimtelijke autocorrelatie): globale Moran's I van de aantallen op {} zeshoeken van {:.1f} m, voor afstandsbanden in stappen van die grootte:</translation>
    </message>
    <message>
      <source>{} hexagons have no neighbour in the area and are labelled 'No neighbours'.</source>
      <translation>{} zeshoeken hebben geen buur in het gebied en krijgen het label 'No neighbours'.</translation>
    </message>
    <message>
      <source>Only {} hexagons: the results rest on few features.</source>
      <translation>Slechts {} zeshoeken: de resultaten berusten op weinig objecten.</translation>
    </message>
    <message>
      <source>{} of them are remote: each alone would enlarge the analysed area by more than {:.0%}, so they are left out (check their location).</source>
      <translation>{} daarvan zijn afgelegen: elk ervan zou in zijn eentje het geanalyseerde gebied met meer dan {:.0%} vergroten, dus ze worden weggelaten (controleer hun locatie).</translation>
    </message>
    <message>
      <source>None of them is remote (none would enlarge the analysed area by more than {:.0%}): they are analysed with the others.</source>
      <translation>Geen daarvan is afgelegen (geen enkele zou het geanalyseerde gebied met meer dan {:.0%} vergroten): ze worden met de andere geanalyseerd.</translation>
    </message>
    <message>
      <source>  {:.0f} m: I = {:.4f}, z = {:.2f} ({:.1f} neighbours per cell){}</source>
      <translation>  {:.0f} m: I = {:.4f}, z = {:.2f} ({:.1f} buren per cel){}</translation>
    </message>
    <message>
      <source>Cell size: {:g} m, the first significant peak of z (at {:.0f} m, rounded): the distance at which incidents cluster most distinctly.</source>
      <translation>Celgrootte: {:g} m, de eerste significante piek van z (bij {:.0f} m, afgerond): de afstand waarop incidenten het duidelijkst clusteren.</translation>
    </message>
    <message>
      <source>No peak among the {} bands ({}). Fallback cell size: {:g} m, the smallest at which non-empty hexagons hold a median of at least {:g} incidents.</source>
      <translation>Geen piek onder de {} banden ({}). Terugvalcelgrootte: {:g} m, de kleinste waarbij niet-lege zeshoeken een mediaan van minstens {:g} incidenten bevatten.</translation>
    </message>
    <message>
      <source>ISA tested up to {} bands; for large-scale patterns compare with Hot spot analysis on larger cells.</source>
      <translation>ISA heeft tot {} banden getest; vergelijk voor grootschalige patronen met Hotspotanalyse op grotere cellen.</translation>
    </message>
    <message>
      <source>Compare periods</source>
      <translation>Perioden vergelijken</translation>
    </message>
    <message>
      <source>compare periods,change,increase,decrease,before and after,difference,crime map,Poisson test</source>
      <translation>perioden vergelijken,verandering,toename,afname,voor en na,verschil,criminaliteitskaart,Poisson-toets</translation>
    </message>
    <message>
      <source>Explicit dates</source>
      <translation>Opgegeven datums</translation>
    </message>
    <message>
      <source>Year to date vs the same days last year</source>
      <translation>Jaar tot nu tegenover dezelfde dagen vorig jaar</translation>
    </message>
    <message>
      <source>Last 28 days vs the previous 28</source>
      <translation>Laatste 28 dagen tegenover de 28 ervoor</translation>
    </message>
    <message>
      <source>Same period last year</source>
      <translation>Dezelfde periode vorig jaar</translation>
    </message>
    <message>
      <source>Counts incidents per cell or zone in two periods (A = before, B = after) and tells where they rose or fell by more than chance would explain.</source>
      <translation>Telt incidenten per cel of gebied in twee perioden (A = voor, B = na) en laat zien waar ze meer stegen of daalden dan toeval kan verklaren.</translation>
    </message>
    <message>
      <source>Which periods: 0 explicit dates (PERIOD_A_* and PERIOD_B_*, the default); 1 year to date against the same days last year; 2 the last 28 days against the 28 before; 3 period B against the same dates one year earlier (29 February becomes 28 February). Windows 1 and 2 end on REFERENCE_DATE.</source>
      <translation>Welke perioden: 0 opgegeven datums (PERIOD_A_* en PERIOD_B_*, de standaard); 1 jaar tot nu tegenover dezelfde dagen vorig jaar; 2 de laatste 28 dagen tegenover de 28 ervoor; 3 periode B tegenover dezelfde datums een jaar eerder (29 februari wordt 28 februari). Vensters 1 en 2 eindigen op REFERENCE_DATE.</translation>
    </message>
    <message>
      <source>First period (before), dates inclusive (YYYY-MM-DD); an empty bound is the first or last day with incidents. Explicit dates only.</source>
      <translation>Eerste periode (ervoor), datums inclusief (JJJJ-MM-DD); een lege grens is de eerste of laatste dag met incidenten. Alleen bij opgegeven datums.</translation>
    </message>
    <message>
      <source>Second period (after), dates inclusive; also used by 'Same period last year'. The two periods may not overlap.</source>
      <translation>Tweede periode (erna), datums inclusief; ook gebruikt door 'Dezelfde periode vorig jaar'. De twee perioden mogen niet overlappen.</translation>
    </message>
    <message>
      <source>Last day of the year-to-date and 28-day windows (included); empty: the day of the last incident in the data.</source>
      <translation>Laatste dag van de vensters 'jaar tot nu' en '28 dagen' (inclusief); leeg: de dag van het laatste incident in de gegevens.</translation>
    </message>
    <message>
      <source>Yes (default): correct for testing every unit at once with the Benjamini-Hochberg false discovery rate; a unit is significant when its q-value is at most ALPHA. No: when its p-value is.</source>
      <translation>Ja (standaard): corrigeer voor het tegelijk toetsen van alle eenheden met de Benjamini-Hochberg false discovery rate; een eenheid is significant als haar q-waarde hoogstens ALPHA is. Nee: als haar p-waarde dat is.</translation>
    </message>
    <message>
      <source>Polygons with count_a, count_b, diff (b - a, incidents), rate_a and rate_b (incidents per day), rate_ratio (rate_b / rate_a), pct_change (change of the rate in %; of the count when the periods are equally long; null when a = 0), poisson_z, p_value, q_value and trend.</source>
      <translation>Vlakken met count_a, count_b, diff (b - a, incidenten), rate_a en rate_b (incidenten per dag), rate_ratio (rate_b / rate_a), pct_change (verandering van het tempo in %; van het aantal als de perioden even lang zijn; leeg als a = 0), poisson_z, p_value, q_value en trend.</translation>
    </message>
    <message>
      <source>Periods are compared as rates per day, so periods of different lengths can be compared (the log says when they differ). p_value: exact conditional test of equal rates (Przyborowski &amp; Wilenski 1940): given the n = a + b incidents of both periods, b is binomial with probability LB / (LA + LB) when nothing changed (LA, LB the lengths); two-sided p = the probability of every split no more likely than the one observed (as R's binom.test and scipy's binomtest). q_value: Benjamini-Hochberg q-value over the units with at least one incident. A unit is a significant increase or decrease when its q-value (p-value without FDR) is at most ALPHA. poisson_z = 2 (sqrt(b) - sqrt(a)) is the figure crime analysts know (4 -&gt; 9 gives 2.0), shown for reference only: with both counts random it varies about 1.4 times as much as a z-score, so |z| &gt;= 1.96 would flag about 17 % of units that did not change.</source>
      <translation>Perioden worden vergeleken als aantallen per dag, zodat perioden van verschillende lengte vergelijkbaar zijn (het logboek meldt het als ze verschillen). p_value: exacte conditionele toets op gelijke tempo's (Przyborowski &amp; Wilenski 1940): gegeven de n = a + b incidenten van beide perioden is b binomiaal verdeeld met kans LB / (LA + LB) als er niets veranderde (LA, LB de lengtes); tweezijdige p = de kans op elke verdeling die niet waarschijnlijker is dan de waargenomen (zoals R's binom.test en scipy's binomtest). q_value: Benjamini-Hochberg-q-waarde over de eenheden met minstens één incident. Een eenheid is een significante stijging of daling als haar q-waarde (p-waarde zonder FDR) hoogstens ALPHA is. poisson_z = 2 (sqrt(b) - sqrt(a)) is het getal dat criminaliteitsanalisten kennen (4 -&gt; 9 geeft 2,0), alleen ter vergelijking: omdat beide aantallen toevallig zijn, varieert het ongeveer 1,4 keer zo sterk als een z-score, zodat |z| &gt;= 1,96 ongeveer 17 % van de onveranderde eenheden zou markeren.</translation>
    </message>
    <message>
      <source>Red units rose, blue ones fell, more than chance would explain: with FDR on, at most about ALPHA (5 %) of the units labelled significant are expected to be false alarms. Small counts rarely reach significance (4 -&gt; 9 gives p = 0.27); grey does not prove that nothing changed. A warning says when a period runs past the last incident in the data: days without data are missing, not zero.</source>
      <translation>Rode eenheden stegen, blauwe daalden, meer dan toeval verklaart: met FDR aan is naar verwachting hoogstens ongeveer ALPHA (5 %) van de als significant gemarkeerde eenheden vals alarm. Kleine aantallen worden zelden significant (4 -&gt; 9 geeft p = 0,27); grijs bewijst niet dat er niets veranderde. Een waarschuwing meldt wanneer een periode doorloopt na het laatste incident in de gegevens: dagen zonder gegevens ontbreken, ze zijn geen nul.</translation>
    </message>
    <message>
      <source>Period A (before) start</source>
      <translation>Periode A (voor) begin</translation>
    </message>
    <message>
      <source>Period A (before) end</source>
      <translation>Periode A (voor) einde</translation>
    </message>
    <message>
      <source>Period B (after) start</source>
      <translation>Periode B (na) begin</translation>
    </message>
    <message>
      <source>Period B (after) end</source>
      <translation>Periode B (na) einde</translation>
    </message>
    <message>
      <source>No incident has a usable date in '{}'; choose the date/time field.</source>
      <translation>Geen enkel incident heeft een bruikbare datum in '{}'; kies het datum/tijdveld.</translation>
    </message>
    <message>
      <source>Period A ({}) and period B ({}) overlap; the test compares separate periods: choose periods that share no day.</source>
      <translation>Periode A ({}) en periode B ({}) overlappen; de toets vergelijkt gescheiden perioden: kies perioden zonder gemeenschappelijke dag.</translation>
    </message>
    <message>
      <source>The layer has no incidents in either period (field '{}').</source>
      <translation>De laag heeft in geen van beide perioden incidenten (veld '{}').</translation>
    </message>
    <message>
      <source>Periods</source>
      <translation>Perioden</translation>
    </message>
    <message>
      <source>Reference date (last day of the window; empty: last incident date)</source>
      <translation>Referentiedatum (laatste dag van het venster; leeg: datum van het laatste incident)</translation>
    </message>
    <message>
      <source>Change between periods</source>
      <translation>Verandering tussen perioden</translation>
    </message>
    <message>
      <source>Give the dates of periods A and B (PERIOD_A_START ... PERIOD_B_END), or choose a standard window in PRESET.</source>
      <translation>Geef de datums van periode A en B (PERIOD_A_START ... PERIOD_B_END), of kies een standaardvenster in PRESET.</translation>
    </message>
    <message>
      <source>Give PERIOD_B_START and PERIOD_B_END: 'Same period last year' compares them with the same dates one year earlier.</source>
      <translation>Geef PERIOD_B_START en PERIOD_B_END: 'Dezelfde periode vorig jaar' vergelijkt ze met dezelfde datums een jaar eerder.</translation>
    </message>
    <message>
      <source>Period A: {} ({:g} days); period B: {} ({:g} days).</source>
      <translation>Periode A: {} ({:g} dagen); periode B: {} ({:g} dagen).</translation>
    </message>
    <message>
      <source>{} incidents in period A, {} in period B.</source>
      <translation>{} incidenten in periode A, {} in periode B.</translation>
    </message>
    <message>
      <source>{} units with a significant increase, {} with a significant decrease.</source>
      <translation>{} eenheden met een significante stijging, {} met een significante daling.</translation>
    </message>
    <message>
      <source>PERIOD_A_START and PERIOD_A_END are ignored: the window '{}' sets period A.</source>
      <translation>PERIOD_A_START en PERIOD_A_END worden genegeerd: het venster '{}' bepaalt periode A.</translation>
    </message>
    <message>
      <source>PERIOD_B_START and PERIOD_B_END are ignored: the window '{}' sets period B.</source>
      <translation>PERIOD_B_START en PERIOD_B_END worden genegeerd: het venster '{}' bepaalt periode B.</translation>
    </message>
    <message>
      <source>Reference date: {} (REFERENCE_DATE).</source>
      <translation>Referentiedatum: {} (REFERENCE_DATE).</translation>
    </message>
    <message>
      <source>Reference date: {}, the last incident date in the data.</source>
      <translation>Referentiedatum: {}, de datum van het laatste incident in de gegevens.</translation>
    </message>
    <message>
      <source>Periods differ in length (A: {:g} days, B: {:g} days): compared as rates per day.</source>
      <translation>De perioden verschillen in lengte (A: {:g} dagen, B: {:g} dagen): vergeleken als aantallen per dag.</translation>
    </message>
    <message>
      <source>Significant: Benjamini-Hochberg q-value at most {:g} over the {} units with incidents (exact conditional test of equal rates).</source>
      <translation>Significant: Benjamini-Hochberg-q-waarde hoogstens {:g} over de {} eenheden met incidenten (exacte conditionele toets op gelijke tempo's).</translation>
    </message>
    <message>
      <source>Significant: p-value at most {:g} (exact conditional test of equal rates, no correction for testing {} units: expect about {:g} false alarms).</source>
      <translation>Significant: p-waarde hoogstens {:g} (exacte conditionele toets op gelijke tempo's, zonder correctie voor het toetsen van {} eenheden: verwacht ongeveer {:g} vals alarm).</translation>
    </message>
    <message>
      <source>{} vs {}</source>
      <translation>{} tegenover {}</translation>
    </message>
    <message>
      <source>Period {}: an empty bound is the first or last day with incidents ({} – {}).</source>
      <translation>Periode {}: een lege grens is de eerste of laatste dag met incidenten ({} – {}).</translation>
    </message>
    <message>
      <source>Security-by-design report</source>
      <translation>Security-by-design-rapport</translation>
    </message>
    <message>
      <source>security by design,report,CPTED,PDF,HTML,redesign,plan,variant</source>
      <translation>security by design,rapport,CPTED,PDF,HTML,herontwerp,plan,variant</translation>
    </message>
    <message>
      <source>Protected zone (crowded place)</source>
      <translation>Beschermd gebied (drukbezochte plek)</translation>
    </message>
    <message>
      <source>Drivable network</source>
      <translation>Berijdbaar netwerk</translation>
    </message>
    <message>
      <source>Drivable open space</source>
      <translation>Berijdbare open ruimte</translation>
    </message>
    <message>
      <source>Barriers (bollards or lines)</source>
      <translation>Barrières (palen of lijnen)</translation>
    </message>
    <message>
      <source>More barriers (e.g. lines)</source>
      <translation>Meer barrières (bijv. lijnen)</translation>
    </message>
    <message>
      <source>Assets for stand-off</source>
      <translation>Objecten voor stand-off</translation>
    </message>
    <message>
      <source>Public space (squares)</source>
      <translation>Openbare ruimte (pleinen)</translation>
    </message>
    <message>
      <source>Exits</source>
      <translation>Uitgangen</translation>
    </message>
    <message>
      <source>Lamps</source>
      <translation>Lampen</translation>
    </message>
    <message>
      <source>Cameras</source>
      <translation>Camera's</translation>
    </message>
    <message>
      <source>Windows and doors</source>
      <translation>Ramen en deuren</translation>
    </message>
    <message>
      <source>Runs the chosen security-by-design checks on a plan, or on the current situation and a redesign, and writes one report: a map per check and variant, the verdicts, the failing items with their reasons, each criterion with its source, and what changed between the variants. Checks that are not installed, or whose layers are not given, are skipped and say so.</source>
      <translation>Voert de gekozen security-by-design-toetsen uit op een plan, of op de huidige situatie en een herontwerp, en schrijft één rapport: een kaart per toets en variant, de oordelen, de afgekeurde onderdelen met hun redenen, elk criterium met zijn bron, en wat er tussen de varianten veranderde. Toetsen die niet geïnstalleerd zijn, of waarvan de lagen niet zijn opgegeven, worden overgeslagen en dat wordt vermeld.</translation>
    </message>
    <message>
      <source>Checks to run: vehicle access, stand-off, concealment and escape, lighting, natural surveillance, CCTV coverage.</source>
      <translation>Uit te voeren toetsen: voertuigtoegang, stand-off, verstopplekken en vluchtroutes, verlichting, natuurlijk toezicht, cameradekking.</translation>
    </message>
    <message>
      <source>Title of the report.</source>
      <translation>Titel van het rapport.</translation>
    </message>
    <message>
      <source>Name of the plan variant given by the plain layer parameters (default: Current situation).</source>
      <translation>Naam van de planvariant die de gewone laagparameters vormen (standaard: Huidige situatie).</translation>
    </message>
    <message>
      <source>Name of the second variant, made of the layers with the suffix _B; a _B layer that is not given is taken from the first variant, so only the changed layers need to be given.</source>
      <translation>Naam van de tweede variant, gevormd door de lagen met het achtervoegsel _B; een _B-laag die niet is opgegeven wordt uit de eerste variant genomen, zodat alleen de veranderde lagen nodig zijn.</translation>
    </message>
    <message>
      <source>The plan's layers, each optional: a check runs when the layers it needs are given (vehicle access: ZONE and NETWORK; stand-off: ZONE or ASSETS and NETWORK; concealment: VEGETATION and PATHS; lighting: LAMPS and PATHS; natural surveillance: BUILDINGS and PATHS; CCTV: CAMERAS and PUBLIC_SPACE or PATHS). The same names with the suffix _B give the second variant.</source>
      <translation>De lagen van het plan, elk optioneel: een toets wordt uitgevoerd als de lagen die hij nodig heeft zijn opgegeven (voertuigtoegang: ZONE en NETWORK; stand-off: ZONE of ASSETS en NETWORK; verstopplekken: VEGETATION en PATHS; verlichting: LAMPS en PATHS; natuurlijk toezicht: BUILDINGS en PATHS; cameradekking: CAMERAS en PUBLIC_SPACE of PATHS). Dezelfde namen met het achtervoegsel _B geven de tweede variant.</translation>
    </message>
    <message>
      <source>Field names the checks read (defaults: the demo town's, e.g. rating, height_m, lighting_class, azimuth_deg). A field a layer does not have is left to the check's default.</source>
      <translation>Veldnamen die de toetsen lezen (standaard die van de demostad, bijvoorbeeld rating, height_m, lighting_class, azimuth_deg). Een veld dat een laag niet heeft, wordt overgelaten aan de standaardwaarde van de toets.</translation>
    </message>
    <message>
      <source>Optional JSON with more parameters per check, e.g. {"vehicleaccess": {"VEHICLE_CLASS": 2}, "lightingcheck": {"CLASS": "P4"}}.</source>
      <translation>Optionele JSON met meer parameters per toets, bijvoorbeeld {"vehicleaccess": {"VEHICLE_CLASS": 2}, "lightingcheck": {"CLASS": "P4"}}.</translation>
    </message>
    <message>
      <source>Items of the two variants closer than this many metres are the same item when their verdicts are compared (default 2 m).</source>
      <translation>Onderdelen van de twee varianten die dichter dan zoveel meter bij elkaar liggen, gelden als hetzelfde onderdeel wanneer hun oordelen worden vergeleken (standaard 2 m).</translation>
    </message>
    <message>
      <source>Width of the maps in pixels (default 900).</source>
      <translation>Breedte van de kaarten in pixels (standaard 900).</translation>
    </message>
    <message>
      <source>Most failing items listed per check and variant (default 25).</source>
      <translation>Maximaal aantal afgekeurde onderdelen per toets en variant in de lijst (standaard 25).</translation>
    </message>
    <message>
      <source>Also print the report to PDF.</source>
      <translation>Druk het rapport ook af naar PDF.</translation>
    </message>
    <message>
      <source>The report (HTML, maps embedded, one self-contained file).</source>
      <translation>Het rapport (HTML, kaarten ingebed, één zelfstandig bestand).</translation>
    </message>
    <message>
      <source>The report as PDF (when WITH_PDF).</source>
      <translation>Het rapport als PDF (bij WITH_PDF).</translation>
    </message>
    <message>
      <source>Folder for the checks' own output layers (GeoPackages), to open in QGIS.</source>
      <translation>Map voor de eigen uitvoerlagen van de toetsen (GeoPackages), om in QGIS te openen.</translation>
    </message>
    <message>
      <source>The HTML report.</source>
      <translation>Het HTML-rapport.</translation>
    </message>
    <message>
      <source>The PDF report.</source>
      <translation>Het PDF-rapport.</translation>
    </message>
    <message>
      <source>The checks' output layers, one GeoPackage per check, output and variant.</source>
      <translation>De uitvoerlagen van de toetsen, één GeoPackage per toets, uitvoer en variant.</translation>
    </message>
    <message>
      <source>Each check runs as a child algorithm (processing.run with is_child_algorithm) with the plan's layers. The criteria come from the rule sets the checks use (knowledge/rulesets, or your own copies given in CHECK_PARAMETERS), each with its published source. Items of the two variants are matched by location.</source>
      <translation>Elke toets draait als onderliggend algoritme (processing.run met is_child_algorithm) met de lagen van het plan. De criteria komen uit de regelsets die de toetsen gebruiken (knowledge/rulesets, of uw eigen kopieën via CHECK_PARAMETERS), elk met zijn gepubliceerde bron. Onderdelen van de twee varianten worden op locatie gekoppeld.</translation>
    </message>
    <message>
      <source>Start with the summary: the number of items assessed and failing per check and variant. The map of a check shows its verdicts (red fails); 'What changed' lists the items whose verdict the redesign changes.</source>
      <translation>Begin bij de samenvatting: het aantal beoordeelde en afgekeurde onderdelen per toets en variant. De kaart van een toets toont de oordelen (rood is afgekeurd); 'Wat veranderde' noemt de onderdelen waarvan het herontwerp het oordeel verandert.</translation>
    </message>
    <message>
      <source>Barrier crash rating field</source>
      <translation>Crashratingveld van barrières</translation>
    </message>
    <message>
      <source>Bollard diameter field</source>
      <translation>Paaldiameterveld</translation>
    </message>
    <message>
      <source>Barrier name field</source>
      <translation>Barrièrenaamveld</translation>
    </message>
    <message>
      <source>Asset name field</source>
      <translation>Objectnaamveld</translation>
    </message>
    <message>
      <source>Asset threat field</source>
      <translation>Dreigingsveld van objecten</translation>
    </message>
    <message>
      <source>Vegetation height field</source>
      <translation>Hoogteveld van beplanting</translation>
    </message>
    <message>
      <source>Crown base field</source>
      <translation>Kroonhoogteveld</translation>
    </message>
    <message>
      <source>Vegetation kind field</source>
      <translation>Soortveld van beplanting</translation>
    </message>
    <message>
      <source>Lamp height field</source>
      <translation>Lamphoogteveld</translation>
    </message>
    <message>
      <source>Lamp flux field</source>
      <translation>Lichtstroomveld van lampen</translation>
    </message>
    <message>
      <source>Lamp maintenance factor field</source>
      <translation>Onderhoudsfactorveld van lampen</translation>
    </message>
    <message>
      <source>Path lighting class field</source>
      <translation>Verlichtingsklasseveld van paden</translation>
    </message>
    <message>
      <source>Path width field</source>
      <translation>Padbreedteveld</translation>
    </message>
    <message>
      <source>Camera height field</source>
      <translation>Camerahoogteveld</translation>
    </message>
    <message>
      <source>Camera direction field</source>
      <translation>Camerarichtingveld</translation>
    </message>
    <message>
      <source>Camera field of view field</source>
      <translation>Beeldhoekveld van camera's</translation>
    </message>
    <message>
      <source>Camera resolution field</source>
      <translation>Resolutieveld van camera's</translation>
    </message>
    <message>
      <source>Camera range field</source>
      <translation>Bereikveld van camera's</translation>
    </message>
    <message>
      <source>Opening facing field</source>
      <translation>Kijkrichtingveld van openingen</translation>
    </message>
    <message>
      <source>Building storeys field</source>
      <translation>Bouwlagenveld van gebouwen</translation>
    </message>
    <message>
      <source>Vehicle access (hostile vehicle mitigation)</source>
      <translation>Voertuigtoegang (bescherming tegen voertuigaanslagen)</translation>
    </message>
    <message>
      <source>Entry points into the protected zone a design vehicle can use, its worst-case run-up, impact speed and energy, and whether the barrier there is rated for it.</source>
      <translation>Toegangspunten tot het beschermde gebied die een ontwerpvoertuig kan gebruiken, zijn ongunstigste aanloop, aanrijsnelheid en -energie, en of de barrière daar ervoor gecertificeerd is.</translation>
    </message>
    <message>
      <source>Stand-off distances</source>
      <translation>Stand-off-afstanden</translation>
    </message>
    <message>
      <source>Shortest distance from each asset or crowded zone to the places a vehicle can reach, against the bomb-threat evacuation distances.</source>
      <translation>Kortste afstand van elk object of drukbezocht gebied tot de plekken die een voertuig kan bereiken, getoetst aan de evacuatieafstanden bij bommeldingen.</translation>
    </message>
    <message>
      <source>Planting and boundaries beside paths against the concealment rules; dead ends and path stretches far from an exit.</source>
      <translation>Beplanting en erfafscheidingen naast paden getoetst aan de regels tegen verstopplekken; doodlopende paden en stukken pad ver van een uitgang.</translation>
    </message>
    <message>
      <source>Public lighting</source>
      <translation>Openbare verlichting</translation>
    </message>
    <message>
      <source>Illuminance of the paths from the lamps against their lighting class.</source>
      <translation>Verlichtingssterkte van de paden door de lampen, getoetst aan hun verlichtingsklasse.</translation>
    </message>
    <message>
      <source>Natural surveillance</source>
      <translation>Natuurlijk toezicht</translation>
    </message>
    <message>
      <source>Share of each path overlooked by windows and doors, and public space overlooked by nobody.</source>
      <translation>Aandeel van elk pad dat door ramen en deuren wordt overzien, en openbare ruimte die door niemand wordt overzien.</translation>
    </message>
    <message>
      <source>CCTV coverage</source>
      <translation>Cameradekking</translation>
    </message>
    <message>
      <source>Camera coverage by EN 62676-4 observation level, the covered share of each target, and blind spots.</source>
      <translation>Cameradekking per waarnemingsniveau van EN 62676-4, het gedekte aandeel van elk doel, en dode hoeken.</translation>
    </message>
    <message>
      <source>Matching distance between variants (m)</source>
      <translation>Koppelafstand tussen varianten (m)</translation>
    </message>
    <message>
      <source>Map width (pixels)</source>
      <translation>Kaartbreedte (pixels)</translation>
    </message>
    <message>
      <source>Failing items listed per check</source>
      <translation>Afgekeurde onderdelen per toets in de lijst</translation>
    </message>
    <message>
      <source>CHECK_PARAMETERS must be a JSON object of check id -&gt; {parameter: value}.</source>
      <translation>CHECK_PARAMETERS moet een JSON-object zijn van toets-id -&gt; {parameter: waarde}.</translation>
    </message>
    <message>
      <source>CHECK_PARAMETERS names unknown checks: {} (known: {}).</source>
      <translation>CHECK_PARAMETERS noemt onbekende toetsen: {} (bekend: {}).</translation>
    </message>
    <message>
      <source>Choose at least one check (CHECKS).</source>
      <translation>Kies ten minste één toets (CHECKS).</translation>
    </message>
    <message>
      <source>Give at least one plan layer (e.g. ZONE and NETWORK for the vehicle access check).</source>
      <translation>Geef ten minste één planlaag (bijv. ZONE en NETWORK voor de toets op voertuigtoegang).</translation>
    </message>
    <message>
      <source>Checks</source>
      <translation>Toetsen</translation>
    </message>
    <message>
      <source>Report title</source>
      <translation>Titel van het rapport</translation>
    </message>
    <message>
      <source>Name of the plan variant</source>
      <translation>Naam van de planvariant</translation>
    </message>
    <message>
      <source>Current situation</source>
      <translation>Huidige situatie</translation>
    </message>
    <message>
      <source>Name of the second variant (_B layers)</source>
      <translation>Naam van de tweede variant (_B-lagen)</translation>
    </message>
    <message>
      <source>Redesign</source>
      <translation>Herontwerp</translation>
    </message>
    <message>
      <source>Also write a PDF</source>
      <translation>Ook een PDF schrijven</translation>
    </message>
    <message>
      <source>Report (HTML)</source>
      <translation>Rapport (HTML)</translation>
    </message>
    <message>
      <source>Report (PDF)</source>
      <translation>Rapport (PDF)</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
      <source>Folder for the check outputs</source>
      <translation>Map voor de uitvoer van de toetsen</translation>
    </message>
    <message>
      <source>Report file</source>
      <translation>Rapportbestand</translation>
    </message>
    <message>
      <source>CHECK_PARAMETERS is not valid JSON: {}.</source>
      <translation>CHECK_PARAMETERS is geen geldige JSON: {}.</translation>
    </message>
    <message>
      <source>More check parameters (JSON)</source>
      <translation>Meer toetsparameters (JSON)</translation>
    </message>
    <message>
      <source>Variants: {}.</source>
      <translation>Varianten: {}.</translation>
    </message>
    <message>
      <source>Cannot write the PDF report '{}'; check that the folder exists and is writable.</source>
      <translation>Het PDF-rapport '{}' kan niet worden geschreven; controleer of de map bestaat en beschrijfbaar is.</translation>
    </message>
    <message>
      <source>Report written to {} ({} of {} checks ran).</source>
      <translation>Rapport geschreven naar {} ({} van {} toetsen uitgevoerd).</translation>
    </message>
    <message>
      <source>skipped: no layer or value for {}</source>
      <translation>overgeslagen: geen laag of waarde voor {}</translation>
    </message>
    <message>
      <source>skipped: the algorithm besecure:{} is not installed</source>
      <translation>overgeslagen: het algoritme besecure:{} is niet geïnstalleerd</translation>
    </message>
    <message>
      <source>Check '{}' skipped: the algorithm besecure:{} is not registered.</source>
      <translation>Toets '{}' overgeslagen: het algoritme besecure:{} is niet geregistreerd.</translation>
    </message>
    <message>
      <source>Running check '{}' on '{}'.</source>
      <translation>Toets '{}' wordt uitgevoerd op '{}'.</translation>
    </message>
    <message>
      <source>Rule set '{}': {}</source>
      <translation>Regelset '{}': {}</translation>
    </message>
    <message>
      <source>{} (second variant)</source>
      <translation>{} (tweede variant)</translation>
    </message>
    <message>
      <source>Check '{}' on '{}' {}.</source>
      <translation>Toets '{}' op '{}' {}.</translation>
    </message>
    <message>
      <source>failed: {}</source>
      <translation>mislukt: {}</translation>
    </message>
    <message>
      <source>Check '{}' on '{}' failed: {}</source>
      <translation>Toets '{}' op '{}' mislukt: {}</translation>
    </message>
    <message>
      <source>stand-off,standoff distance,blast,hostile vehicle,asset,protection,security by design</source>
      <translation>veiligheidsafstand,afstand,explosie,vijandig voertuig,object,bescherming,security by design</translation>
    </message>
    <message>
      <source>Measures the shortest distance from each asset (a building, a crowded square, an entrance) to the places a vehicle can reach (roads, parking, or the entry points of the vehicle access check) and compares it with the bomb-threat stand-off table: the mandatory and the preferred evacuation distance of each threat.</source>
      <translation>Meet de kortste afstand van elk object (een gebouw, een druk plein, een ingang) tot de plekken die een voertuig kan bereiken (wegen, parkeerplaatsen, of de toegangspunten van de voertuigtoegangscontrole) en vergelijkt die met de stand-off-tabel voor bommeldingen: de verplichte en de aanbevolen evacuatieafstand van elke dreiging.</translation>
    </message>
    <message>
      <source>Assets or crowded zones: points or polygons, any CRS.</source>
      <translation>Objecten of drukbezochte gebieden: punten of polygonen, elk CRS.</translation>
    </message>
    <message>
      <source>Optional field naming each asset in the output.</source>
      <translation>Optioneel veld dat elk object in de uitvoer benoemt.</translation>
    </message>
    <message>
      <source>Places a vehicle can reach: the drivable network (lines), parking or open space (polygons), or the entry points of besecure:vehicleaccess (points).</source>
      <translation>Plekken die een voertuig kan bereiken: het berijdbare netwerk (lijnen), parkeerterreinen of open ruimte (polygonen), of de toegangspunten van besecure:vehicleaccess (punten).</translation>
    </message>
    <message>
      <source>Optional polygons a vehicle cannot enter (a protected zone with adequate barriers): reachable places inside them are left out.</source>
      <translation>Optionele polygonen waar een voertuig niet in kan (een beschermd gebied met toereikende barrières): bereikbare plekken daarbinnen tellen niet mee.</translation>
    </message>
    <message>
      <source>Threat whose distances give the main verdict; the output also has a verdict column for every threat of the rule set.</source>
      <translation>Dreiging waarvan de afstanden het hoofdoordeel geven; de uitvoer heeft ook een oordeelkolom voor elke dreiging van de regelset.</translation>
    </message>
    <message>
      <source>Optional field of the assets naming the threat to assess each against (a threat name of the rule set, e.g. small_truck, or its label); empty or unknown values take THREAT.</source>
      <translation>Optioneel veld van de objecten met de dreiging waartegen elk object wordt beoordeeld (een dreigingsnaam uit de regelset, bijvoorbeeld small_truck, of het label ervan); lege of onbekende waarden krijgen THREAT.</translation>
    </message>
    <message>
      <source>Optional own stand-off rule set (JSON, the layout of knowledge/rulesets/standoff.json).</source>
      <translation>Optionele eigen stand-off-regelset (JSON, met de opbouw van knowledge/rulesets/standoff.json).</translation>
    </message>
    <message>
      <source>Assets with min_distance_m, threat, mandatory_m, preferred_m, verdict (fail: within the mandatory evacuation distance; shelter: between mandatory and preferred; pass: beyond the preferred), reason, and v_&lt;threat&gt; for every threat in the rule set.</source>
      <translation>Objecten met min_distance_m, threat, mandatory_m, preferred_m, verdict (fail: binnen de verplichte evacuatieafstand; shelter: tussen verplicht en aanbevolen; pass: voorbij de aanbevolen afstand), reason, en v_&lt;dreiging&gt; voor elke dreiging in de regelset.</translation>
    </message>
    <message>
      <source>The shortest link from each asset to the nearest reachable place, with its distance and verdict.</source>
      <translation>De kortste verbinding van elk object naar de dichtstbijzijnde bereikbare plek, met de afstand en het oordeel.</translation>
    </message>
    <message>
      <source>Exact planar distances between the asset's outline and the reachable lines, points and polygons (0 when they overlap). Distances from the NCTC 'Bomb Threat Stand-Off Distances' chart in the editable rule set knowledge/rulesets/standoff.json (e.g. sedan 98 m mandatory / 580 m preferred).</source>
      <translation>Exacte vlakke afstanden tussen de omtrek van het object en de bereikbare lijnen, punten en polygonen (0 als ze overlappen). Afstanden uit de NCTC-tabel 'Bomb Threat Stand-Off Distances' in de bewerkbare regelset knowledge/rulesets/standoff.json (bijvoorbeeld personenauto 98 m verplicht / 580 m aanbevolen).</translation>
    </message>
    <message>
      <source>A 'fail' asset is closer to vehicle access than the distance everyone would have to be evacuated from for that threat: move the access, add barriers, or harden the asset. For general emergency planning only.</source>
      <translation>Een object met 'fail' ligt dichter bij voertuigtoegang dan de afstand waarover iedereen bij die dreiging geëvacueerd moet worden: verplaats de toegang, plaats barrières of versterk het object. Alleen voor algemene rampenplanning.</translation>
    </message>
    <message>
      <source>The rule set '{}' has no threat '{}'; it has {}.</source>
      <translation>De regelset '{}' heeft geen dreiging '{}'; wel {}.</translation>
    </message>
    <message>
      <source>assets</source>
      <translation>objecten</translation>
    </message>
    <message>
      <source>The asset layer has no feature with a usable geometry.</source>
      <translation>De laag met objecten heeft geen object met een bruikbare geometrie.</translation>
    </message>
    <message>
      <source>reachable places</source>
      <translation>bereikbare plekken</translation>
    </message>
    <message>
      <source>Assets or crowded zones</source>
      <translation>Objecten of drukbezochte gebieden</translation>
    </message>
    <message>
      <source>Vehicle-reachable places</source>
      <translation>Voor voertuigen bereikbare plekken</translation>
    </message>
    <message>
      <source>Areas closed to vehicles</source>
      <translation>Gebieden die gesloten zijn voor voertuigen</translation>
    </message>
    <message>
      <source>Threat</source>
      <translation>Dreiging</translation>
    </message>
    <message>
      <source>Threat field of the assets</source>
      <translation>Dreigingsveld van de objecten</translation>
    </message>
    <message>
      <source>Stand-off per asset</source>
      <translation>Stand-off per object</translation>
    </message>
    <message>
      <source>Nearest vehicle access</source>
      <translation>Dichtstbijzijnde voertuigtoegang</translation>
    </message>
    <message>
      <source>No vehicle-reachable place is left: every asset passes.</source>
      <translation>Er blijft geen voor voertuigen bereikbare plek over: elk object voldoet.</translation>
    </message>
    <message>
      <source>closed area</source>
      <translation>gesloten gebied</translation>
    </message>
    <message>
      <source>{} assets (default threat '{}': mandatory {:g} m, preferred {:g} m): {} fail, {} shelter, {} pass.</source>
      <translation>{} objecten (standaarddreiging '{}': verplicht {:g} m, aanbevolen {:g} m): {} fail, {} shelter, {} pass.</translation>
    </message>
    <message>
      <source>{} assets have no known threat in '{}'; they are assessed against '{}'.</source>
      <translation>{} objecten hebben geen bekende dreiging in '{}'; ze worden beoordeeld tegen '{}'.</translation>
    </message>
    <message>
      <source>vehicle access,hostile vehicle mitigation,HVM,vehicle ramming,bollard,barrier,crowded place,approach speed</source>
      <translation>voertuigtoegang,voertuigaanval,ramaanslag,HVM,paaltje,poller,barrière,drukke plek,aanrijsnelheid</translation>
    </message>
    <message>
      <source>Finds every place where a vehicle of a chosen class can get into a protected pedestrian or crowded zone: roads crossing its boundary, gaps between bollards or barrier ends wide enough for the vehicle, and unprotected edges of drivable open space. For each entry it traces the worst-case approach along the network, the speed the vehicle can reach there and its kinetic energy, and checks whether the barrier's crash rating (IWA 14-1, ISO 22343-1, PAS 68, ASTM F2656, K ratings) covers that impact.</source>
      <translation>Vindt elke plek waar een voertuig van een gekozen klasse een beschermd voetgangers- of drukbezocht gebied in kan: wegen die de grens kruisen, openingen tussen palen of uiteinden van barrières die breed genoeg zijn voor het voertuig, en onbeschermde randen van berijdbare open ruimte. Voor elke toegang volgt het de ongunstigste aanloop over het netwerk, de snelheid die het voertuig daar kan halen en zijn bewegingsenergie, en controleert het of de crashrating van de barrière (IWA 14-1, ISO 22343-1, PAS 68, ASTM F2656, K-ratings) die aanrijding dekt.</translation>
    </message>
    <message>
      <source>The protected zone(s): polygons, or closed boundary lines. Invalid polygons are repaired and reported; a boundary line whose ends do not meet (farther apart than SNAP) is refused.</source>
      <translation>Het beschermde gebied (of de gebieden): polygonen, of gesloten grenslijnen. Ongeldige polygonen worden gerepareerd en gemeld; een grenslijn waarvan de uiteinden niet samenkomen (verder uiteen dan SNAP) wordt geweigerd.</translation>
    </message>
    <message>
      <source>Drivable network: road centrelines (lines). Lines are joined where they cross and where an end lies within SNAP metres of another line.</source>
      <translation>Berijdbaar netwerk: hartlijnen van wegen (lijnen). Lijnen worden verbonden waar ze elkaar kruisen en waar een uiteinde binnen SNAP meter van een andere lijn ligt.</translation>
    </message>
    <message>
      <source>Optional drivable open space (squares, car parks, wide pavements) as polygons: a vehicle can drive straight anywhere inside them.</source>
      <translation>Optionele berijdbare open ruimte (pleinen, parkeerterreinen, brede trottoirs) als polygonen: een voertuig kan daarbinnen overal rechtdoor rijden.</translation>
    </message>
    <message>
      <source>Optional building footprints: they block straight run-ups across open space.</source>
      <translation>Optionele gebouwcontouren: zij blokkeren rechte aanlopen over open ruimte.</translation>
    </message>
    <message>
      <source>Optional barriers: bollards (points) or walls, fences and rated barriers (lines). Only barriers within BARRIER_TOLERANCE metres of the zone boundary close it.</source>
      <translation>Optionele barrières: palen (punten) of muren, hekken en gecertificeerde barrières (lijnen). Alleen barrières binnen BARRIER_TOLERANCE meter van de gebiedsgrens sluiten die af.</translation>
    </message>
    <message>
      <source>Optional second barrier layer, e.g. the lines when BARRIERS holds the bollards; the rating, diameter and name fields are read from it by the same names.</source>
      <translation>Optionele tweede barrièrelaag, bijvoorbeeld de lijnen als BARRIERS de palen bevat; de velden voor rating, diameter en naam worden er onder dezelfde namen uit gelezen.</translation>
    </message>
    <message>
      <source>Text field with each barrier's crash rating, e.g. 'V/7200[N2B]/80/90:0.7' (IWA 14-1), 'V/7500[N3C]/80/90.0/1.1/0' (PAS 68), 'M50 P1' (ASTM F2656), 'K12'. Empty = unrated.</source>
      <translation>Tekstveld met de crashrating van elke barrière, bijvoorbeeld 'V/7200[N2B]/80/90:0.7' (IWA 14-1), 'V/7500[N3C]/80/90.0/1.1/0' (PAS 68), 'M50 P1' (ASTM F2656), 'K12'. Leeg = niet gecertificeerd.</translation>
    </message>
    <message>
      <source>Optional numeric field with each bollard's diameter in metres.</source>
      <translation>Optioneel numeriek veld met de diameter van elke paal in meter.</translation>
    </message>
    <message>
      <source>Optional field naming each barrier in the reasons.</source>
      <translation>Optioneel veld dat elke barrière in de redenen benoemt.</translation>
    </message>
    <message>
      <source>Diameter in metres of bollards without their own (default 0.2 m).</source>
      <translation>Diameter in meter van palen zonder eigen diameter (standaard 0,2 m).</translation>
    </message>
    <message>
      <source>Design (threat) vehicle from the vehicle rule set: mass, acceleration and the narrowest opening it passes (CISA width classes: under 1.50 m admits no car).</source>
      <translation>Ontwerpvoertuig (dreiging) uit de voertuigregelset: massa, versnelling en de smalste opening waar het door past (CISA-breedteklassen: onder 1,50 m past geen auto).</translation>
    </message>
    <message>
      <source>Optional own vehicle rule set (JSON, the layout of knowledge/rulesets/vehicles.json).</source>
      <translation>Optionele eigen voertuigregelset (JSON, met de opbouw van knowledge/rulesets/vehicles.json).</translation>
    </message>
    <message>
      <source>Optional largest clear gap in metres that still counts as closed (e.g. 1.2 m, the usual maximum between HVM bollards). Default: any gap narrower than the vehicle class's narrowest opening.</source>
      <translation>Optionele grootste vrije opening in meter die nog als gesloten telt (bijvoorbeeld 1,2 m, het gebruikelijke maximum tussen anti-rampalen). Standaard: elke opening smaller dan de smalste opening van de voertuigklasse.</translation>
    </message>
    <message>
      <source>Speed in km/h at which the vehicle starts its run-up (default 0: from standstill).</source>
      <translation>Snelheid in km/u waarmee het voertuig zijn aanloop begint (standaard 0: vanuit stilstand).</translation>
    </message>
    <message>
      <source>Optional acceleration in m/s² replacing the class's (car 3, van 2, rigid truck 1).</source>
      <translation>Optionele versnelling in m/s² in plaats van die van de klasse (auto 3, bestelwagen 2, vrachtwagen 1).</translation>
    </message>
    <message>
      <source>Side friction f of the curve cap v = sqrt(f g r): 0.6 typical, 1.0 conservative (faster through bends).</source>
      <translation>Zijdelingse wrijving f van de bochtbegrenzing v = sqrt(f g r): 0,6 gebruikelijk, 1,0 conservatief (sneller door bochten).</translation>
    </message>
    <message>
      <source>Highest speed in km/h the vehicle reaches (default 112 km/h, the highest test speed of IWA 14-1 and PAS 68).</source>
      <translation>Hoogste snelheid in km/u die het voertuig haalt (standaard 112 km/u, de hoogste testsnelheid van IWA 14-1 en PAS 68).</translation>
    </message>
    <message>
      <source>Metres over which a driver rounds a corner: the turn radius at a vertex is the circle through it and the points this far back and ahead (a right angle gives 0.71 x this; default 15 m).</source>
      <translation>Meters waarover een bestuurder een hoek rondt: de draaistraal in een hoekpunt is die van de cirkel door dat punt en de punten zo ver ervoor en erna (een rechte hoek geeft 0,71 x deze waarde; standaard 15 m).</translation>
    </message>
    <message>
      <source>Barriers within this many metres of the zone boundary count as on it (default 5 m).</source>
      <translation>Barrières binnen zoveel meter van de gebiedsgrens tellen als op de grens (standaard 5 m).</translation>
    </message>
    <message>
      <source>A passable opening between two barriers up to this width (m) is a gap in a barrier line; wider openings are open boundary (default 10 m).</source>
      <translation>Een doorrijdbare opening tussen twee barrières tot deze breedte (m) is een gat in een barrièrelijn; bredere openingen zijn open grens (standaard 10 m).</translation>
    </message>
    <message>
      <source>A gap counts as an entry when a road outside the zone passes within this many metres, or it lies in drivable open space (default 25 m).</source>
      <translation>Een gat telt als toegang als een weg buiten het gebied binnen zoveel meter langskomt, of als het in berijdbare open ruimte ligt (standaard 25 m).</translation>
    </message>
    <message>
      <source>Line ends and junctions closer than this many metres are joined (default 0.5 m, at most 10 m).</source>
      <translation>Eindpunten en kruisingen van lijnen die dichter dan dit aantal meters bij elkaar liggen, worden verbonden (standaard 0,5 m, ten hoogste 10 m).</translation>
    </message>
    <message>
      <source>Spacing in metres of the points tried along open-space boundary (default 5 m).</source>
      <translation>Afstand in meter tussen de punten die langs de grens van open ruimte worden geprobeerd (standaard 5 m).</translation>
    </message>
    <message>
      <source>Entry points: kind (road, gap, open_space), vehicle_class, mass_kg, speed_kmh (impact speed), energy_kj, run_up_m, start_speed_kmh, opening_m (clear width at the entry, 0 when a barrier covers it), barrier, rating, rating_standard, rated_speed_kmh, rated_energy_kj, verdict (adequate, unrated, inadequate, no barrier) and reason.</source>
      <translation>Toegangspunten: kind (road, gap, open_space), vehicle_class, mass_kg, speed_kmh (aanrijsnelheid), energy_kj, run_up_m, start_speed_kmh, opening_m (vrije breedte bij de toegang, 0 als een barrière hem afdekt), barrier, rating, rating_standard, rated_speed_kmh, rated_energy_kj, verdict (adequate, unrated, inadequate, no barrier) en reason.</translation>
    </message>
    <message>
      <source>The worst-case run-up to each entry (from where the vehicle was last slowest) with speed_kmh and run_up_m.</source>
      <translation>De ongunstigste aanloop naar elke toegang (vanaf waar het voertuig het laatst het langzaamst reed) met speed_kmh en run_up_m.</translation>
    </message>
    <message>
      <source>Run-up v = sqrt(v0² + 2 a s), capped in bends by the friction circle v = sqrt(f g r) and by MAX_SPEED; kinetic energy E = ½ m v² (7,500 kg at 64 km/h = 1,185 kJ). The fastest approach over the whole network is found by a Bellman-type fixed point over the directed edges (analysis/geometry/network.py). A barrier is adequate when its test vehicle is of the same or a heavier class, and its test speed and test energy are at least the impact's (analysis/design/vehicle.py). Vehicle classes, accelerations and width classes are in the editable rule set knowledge/rulesets/vehicles.json.</source>
      <translation>Aanloop v = sqrt(v0² + 2 a s), in bochten begrensd door de wrijvingscirkel v = sqrt(f g r) en door MAX_SPEED; bewegingsenergie E = ½ m v² (7.500 kg bij 64 km/u = 1.185 kJ). De snelste nadering over het hele netwerk wordt gevonden als vast punt van een Bellman-achtige recursie over de gerichte lijnstukken (analysis/geometry/network.py). Een barrière is toereikend als haar testvoertuig van dezelfde of een zwaardere klasse is en haar testsnelheid en testenergie minstens die van de aanrijding zijn (analysis/design/vehicle.py). Voertuigklassen, versnellingen en breedteklassen staan in de bewerkbare regelset knowledge/rulesets/vehicles.json.</translation>
    </message>
    <message>
      <source>Red entries let the design vehicle in: no barrier, a gap it fits through, or a barrier rated for less than the impact; orange ones need a rating to be judged. The paths show where the vehicle gathers speed: a chicane or a barrier closer to the last bend lowers the impact speed.</source>
      <translation>Rode toegangen laten het ontwerpvoertuig binnen: geen barrière, een gat waar het doorheen past, of een barrière die voor minder dan de aanrijding gecertificeerd is; oranje toegangen hebben een rating nodig om beoordeeld te worden. De paden tonen waar het voertuig snelheid opbouwt: een chicane of een barrière dichter bij de laatste bocht verlaagt de aanrijsnelheid.</translation>
    </message>
    <message>
      <source>Bollard diameter (m)</source>
      <translation>Paaldiameter (m)</translation>
    </message>
    <message>
      <source>Start speed (km/h)</source>
      <translation>Beginsnelheid (km/u)</translation>
    </message>
    <message>
      <source>Side friction in bends (0.6 typical, 1.0 conservative)</source>
      <translation>Zijdelingse wrijving in bochten (0,6 gebruikelijk, 1,0 conservatief)</translation>
    </message>
    <message>
      <source>Highest speed (km/h)</source>
      <translation>Hoogste snelheid (km/u)</translation>
    </message>
    <message>
      <source>Corner look-ahead (m)</source>
      <translation>Vooruitkijkafstand in hoeken (m)</translation>
    </message>
    <message>
      <source>Barrier distance to the boundary (m)</source>
      <translation>Afstand van barrières tot de grens (m)</translation>
    </message>
    <message>
      <source>Widest gap in a barrier line (m)</source>
      <translation>Breedste gat in een barrièrelijn (m)</translation>
    </message>
    <message>
      <source>Reach from a road to a gap (m)</source>
      <translation>Bereik van een weg tot een gat (m)</translation>
    </message>
    <message>
      <source>Spacing along open-space boundary (m)</source>
      <translation>Afstand langs de grens van open ruimte (m)</translation>
    </message>
    <message>
      <source>Vehicle class</source>
      <translation>Voertuigklasse</translation>
    </message>
    <message>
      <source>Largest gap counted as closed (m, optional)</source>
      <translation>Grootste opening die als gesloten telt (m, optioneel)</translation>
    </message>
    <message>
      <source>The rule set '{}' has no vehicle class '{}'; it has {}.</source>
      <translation>De regelset '{}' heeft geen voertuigklasse '{}'; wel {}.</translation>
    </message>
    <message>
      <source>The start speed V0 is higher than the highest speed MAX_SPEED.</source>
      <translation>De beginsnelheid V0 is hoger dan de hoogste snelheid MAX_SPEED.</translation>
    </message>
    <message>
      <source>network</source>
      <translation>netwerk</translation>
    </message>
    <message>
      <source>Protected zone</source>
      <translation>Beschermd gebied</translation>
    </message>
    <message>
      <source>Drivable network (roads)</source>
      <translation>Berijdbaar netwerk (wegen)</translation>
    </message>
    <message>
      <source>Crash rating field</source>
      <translation>Crashratingveld</translation>
    </message>
    <message>
      <source>Bollard diameter field (m)</source>
      <translation>Paaldiameterveld (m)</translation>
    </message>
    <message>
      <source>Vehicle entry points</source>
      <translation>Toegangspunten voor voertuigen</translation>
    </message>
    <message>
      <source>Worst-case approach paths</source>
      <translation>Ongunstigste aanlooppaden</translation>
    </message>
    <message>
      <source>Acceleration (m/s², optional)</source>
      <translation>Versnelling (m/s², optioneel)</translation>
    </message>
    <message>
      <source>Design vehicle: {} ({:g} kg, {:g} m/s², narrowest opening {:g} m).</source>
      <translation>Ontwerpvoertuig: {} ({:g} kg, {:g} m/s², smalste opening {:g} m).</translation>
    </message>
    <message>
      <source>open space</source>
      <translation>open ruimte</translation>
    </message>
    <message>
      <source>building</source>
      <translation>gebouw</translation>
    </message>
    <message>
      <source>{} entry points: {}.</source>
      <translation>{} toegangspunten: {}.</translation>
    </message>
    <message>
      <source>{} network lines without two distinct vertices were skipped.</source>
      <translation>{} netwerklijnen zonder twee verschillende hoekpunten zijn overgeslagen.</translation>
    </message>
    <message>
      <source>{} gaps wide enough for the vehicle are out of reach of the roads and open space and were not counted as entries.</source>
      <translation>{} gaten die breed genoeg zijn voor het voertuig liggen buiten bereik van de wegen en de open ruimte en zijn niet als toegang geteld.</translation>
    </message>
    <message>
      <source>Crime maps</source>
      <translation>Criminaliteitskaarten</translation>
    </message>
    <message>
      <source>Risk surfaces and hot spots</source>
      <translation>Risicokaarten en hotspots</translation>
    </message>
    <message>
      <source>Prediction and evaluation</source>
      <translation>Voorspelling en evaluatie</translation>
    </message>
    <message>
      <source>Security by design</source>
      <translation>Security by design</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>Gegevens</translation>
    </message>
    <message>
      <source>Optional CRS of the output layers (advanced). Default: the input layer's CRS when it is projected (a layer in EPSG:3435 gives EPSG:3435, in feet), else the metric working CRS (the UTM zone for a layer in degrees). Distances and areas in the output's fields stay in metres. Rasters stay in the metric working CRS: reprojecting them would resample the cells.</source>
      <translation>Optioneel CRS van de uitvoerlagen (geavanceerd). Standaard: het CRS van de invoerlaag als dat geprojecteerd is (een laag in EPSG:3435 geeft EPSG:3435, in voet), anders het metrische werk-CRS (de UTM-zone voor een laag in graden). Afstanden en oppervlakten in de velden van de uitvoer blijven in meters. Rasters blijven in het metrische werk-CRS: herprojecteren zou de cellen hersamplen.</translation>
    </message>
    <message>
      <source>{} needs the Python package {}, which is not installed. On Debian or Ubuntu: sudo apt install {}; elsewhere: pip install {}.</source>
      <translation>{} heeft het Python-pakket {} nodig, dat niet geïnstalleerd is. Op Debian of Ubuntu: sudo apt install {}; elders: pip install {}.</translation>
    </message>
    <message>
      <source>{} must be a number; it is '{}'.</source>
      <translation>{} moet een getal zijn; opgegeven: '{}'.</translation>
    </message>
    <message>
      <source>Output CRS (default: the input's, if projected)</source>
      <translation>Uitvoer-CRS (standaard: dat van de invoer, als die geprojecteerd is)</translation>
    </message>
    <message>
      <source>The outputs {} and {} are the same file '{}'; give each its own file name.</source>
      <translation>De uitvoer {} en {} zijn hetzelfde bestand '{}'; geef elk een eigen bestandsnaam.</translation>
    </message>
    <message>
      <source>'{}', the folder of the output {}, is a file; choose a folder.</source>
      <translation>'{}', de map van uitvoer {}, is een bestand; kies een map.</translation>
    </message>
    <message>
      <source>The folder '{}' of the output {} does not exist; create it or choose another folder.</source>
      <translation>De map '{}' van uitvoer {} bestaat niet; maak hem aan of kies een andere map.</translation>
    </message>
    <message>
      <source>The output {} '{}' is a folder; give a file name.</source>
      <translation>De uitvoer {} '{}' is een map; geef een bestandsnaam.</translation>
    </message>
    <message>
      <source>The folder '{}' of the output {} cannot be written to; choose a folder where you may save files.</source>
      <translation>In de map '{}' van uitvoer {} kan niet worden geschreven; kies een map waarin u bestanden mag opslaan.</translation>
    </message>
    <message>
      <source>{} must be between {:g} and {:g}; it is {}.</source>
      <translation>{} moet tussen {:g} en {:g} liggen; opgegeven: {}.</translation>
    </message>
    <message>
      <source>{} must be at least {:g}; it is {}.</source>
      <translation>{} moet ten minste {:g} zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>{} must be at most {:g}; it is {}.</source>
      <translation>{} mag ten hoogste {:g} zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>Cancelled by the user; no output was written.</source>
      <translation>Geannuleerd door de gebruiker; er is niets geschreven.</translation>
    </message>
    <message>
      <source>Parameters</source>
      <translation>Parameters</translation>
    </message>
    <message>
      <source>Outputs</source>
      <translation>Uitvoer</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Methode</translation>
    </message>
    <message>
      <source>How to read the result</source>
      <translation>Zo lees je het resultaat</translation>
    </message>
    <message>
      <source>The raster is written in the metric working CRS {} (its cells are built there; reprojecting to {} would resample them).</source>
      <translation>Het raster wordt geschreven in het metrische werk-CRS {} (de cellen worden daar opgebouwd; herprojecteren naar {} zou ze hersamplen).</translation>
    </message>
    <message>
      <source>The file '{}' given for {} cannot be opened as a layer; check that it is a GeoPackage, shapefile, CSV or another format QGIS reads (a file renamed to .gpkg is not a GeoPackage).</source>
      <translation>Het bestand '{}' voor {} kan niet als laag worden geopend; controleer of het een GeoPackage, shapefile, CSV of ander formaat is dat QGIS leest (een bestand dat hernoemd is naar .gpkg is geen GeoPackage).</translation>
    </message>
    <message>
      <source>{} ({}) must be one of {}; it is {}.</source>
      <translation>{} ({}) moet een van {} zijn; opgegeven: {}.</translation>
    </message>
    <message>
      <source>Incident points: any point layer or a CSV file with x/y or latitude/longitude columns. Any CRS: distances are in metres (layers in degrees or feet are worked in their UTM zone).</source>
      <translation>Incidentpunten: elke puntlaag of een CSV-bestand met x/y- of latitude/longitude-kolommen. Elk CRS: afstanden zijn in meters (lagen in graden of voet worden in hun UTM-zone bewerkt).</translation>
    </message>
    <message>
      <source>CRS of the x/y columns of a CSV file opened without geometry (lat/lon columns are WGS 84).</source>
      <translation>CRS van de x/y-kolommen van een CSV-bestand zonder geometrie (lat/lon-kolommen zijn WGS 84).</translation>
    </message>
    <message>
      <source>IANA time zone (e.g. Europe/Amsterdam): timestamps carrying a UTC offset are converted to it; times without an offset are taken as local wall-clock times.</source>
      <translation>IANA-tijdzone (bijv. Europe/Amsterdam): tijdstempels met een UTC-verschuiving worden hiernaar omgerekend; tijden zonder verschuiving gelden als lokale kloktijd.</translation>
    </message>
    <message>
      <source>Optional field with the incident type, to analyse only some types (with CATEGORY_VALUES).</source>
      <translation>Optioneel veld met het soort incident, om alleen sommige soorten te analyseren (met CATEGORY_VALUES).</translation>
    </message>
    <message>
      <source>Types to keep, separated by commas (e.g. 'Burglary, Theft'); matched case-insensitively and without surrounding spaces against CATEGORY_FILTER_FIELD. Empty: all incidents.</source>
      <translation>Te behouden soorten, gescheiden door komma's (bijv. 'Inbraak, Diefstal'); vergeleken met CATEGORY_FILTER_FIELD zonder op hoofdletters te letten en zonder spaties eromheen. Leeg: alle incidenten.</translation>
    </message>
    <message>
      <source>Optional date/time field, needed for START and END; when given, incidents without a readable time are left out (and counted in the log).</source>
      <translation>Optioneel datum/tijdveld, nodig voor START en END; als het is opgegeven, blijven incidenten zonder leesbare tijd buiten beschouwing (en geteld in het log).</translation>
    </message>
    <message>
      <source>Optional first day of the period (YYYY-MM-DD or YYYY-MM-DD HH:MM), inclusive.</source>
      <translation>Optionele eerste dag van de periode (JJJJ-MM-DD of JJJJ-MM-DD UU:MM), inclusief.</translation>
    </message>
    <message>
      <source>Optional last day of the period, inclusive for a date, exclusive for a date and time.</source>
      <translation>Optionele laatste dag van de periode: inclusief bij een datum, exclusief bij datum en tijd.</translation>
    </message>
    <message>
      <source>Incidents (points)</source>
      <translation>Incidenten (punten)</translation>
    </message>
    <message>
      <source>CRS of x/y columns in a CSV input</source>
      <translation>CRS van x/y-kolommen in een CSV-invoer</translation>
    </message>
    <message>
      <source>The incident layer (INPUT) could not be opened.</source>
      <translation>De incidentenlaag (INPUT) kon niet worden geopend.</translation>
    </message>
    <message>
      <source>Categories to keep (CATEGORY_VALUES) need CATEGORY_FILTER_FIELD, the field that holds the incident type.</source>
      <translation>Te behouden categorieën (CATEGORY_VALUES) vragen CATEGORY_FILTER_FIELD, het veld met het soort incident.</translation>
    </message>
    <message>
      <source>A period (START/END) needs {}, the field with the incident date.</source>
      <translation>Een periode (START/END) heeft {} nodig, het veld met de datum van het incident.</translation>
    </message>
    <message>
      <source>The incident layer '{}' has no points with a usable geometry.</source>
      <translation>De incidentenlaag '{}' heeft geen punten met een bruikbare geometrie.</translation>
    </message>
    <message>
      <source>No incident has {} in '{}'. Its commonest values are: {}.</source>
      <translation>Geen incident heeft {} in '{}'. De meest voorkomende waarden zijn: {}.</translation>
    </message>
    <message>
      <source>No incident has a usable date in '{}' ({:,} without a value, {:,} that are not dates or times); choose the field with the dates.</source>
      <translation>Geen incident heeft een bruikbare datum in '{}' ({:,} zonder waarde, {:,} die geen datum of tijd zijn); kies het veld met de data.</translation>
    </message>
    <message>
      <source>Filter: category field</source>
      <translation>Filter: categorieveld</translation>
    </message>
    <message>
      <source>Filter: categories to keep (comma-separated, any case)</source>
      <translation>Filter: te behouden categorieën (kommagescheiden, hoofdletters maakt niet uit)</translation>
    </message>
    <message>
      <source>Time zone (IANA name)</source>
      <translation>Tijdzone (IANA-naam)</translation>
    </message>
    <message>
      <source>{:,} incidents in the period.</source>
      <translation>{:,} incidenten in de periode.</translation>
    </message>
    <message>
      <source>{:,} of {:,} incidents selected: {}.</source>
      <translation>{:,} van {:,} incidenten geselecteerd: {}.</translation>
    </message>
    <message>
      <source>No incident has {} in '{}'.</source>
      <translation>Geen enkel incident heeft {} in '{}'.</translation>
    </message>
    <message>
      <source>{} incidents without a time and {} with an unparseable time in '{}' were skipped.</source>
      <translation>{} incidenten zonder tijd en {} met een onleesbare tijd in '{}' zijn overgeslagen.</translation>
    </message>
    <message>
      <source>Period {} ({}) starts before the first incident in the data ({}): its count covers fewer days than the period.</source>
      <translation>Periode {} ({}) begint vóór het eerste incident in de gegevens ({}): de telling beslaat minder dagen dan de periode.</translation>
    </message>
    <message>
      <source>Period {} ({}) runs past the last incident in the data ({}): its count covers fewer days than the period; end it on {} or compare the same days of both years.</source>
      <translation>Periode {} ({}) loopt door na het laatste incident in de gegevens ({}): de telling beslaat minder dagen dan de periode; laat haar eindigen op {} of vergelijk dezelfde dagen van beide jaren.</translation>
    </message>
    <message>
      <source>The {} layer ({}) is missing or could not be opened.</source>
      <translation>De {}-laag ({}) ontbreekt of kon niet worden geopend.</translation>
    </message>
    <message>
      <source>The layer '{}' has no valid coordinate reference system; set its CRS in the layer properties.</source>
      <translation>De laag '{}' heeft geen geldig coördinatenreferentiesysteem; stel het CRS in bij de laageigenschappen.</translation>
    </message>
    <message>
      <source>The {} layer '{}' has no points with a usable geometry.</source>
      <translation>De {}-laag '{}' heeft geen punten met een bruikbare geometrie.</translation>
    </message>
    <message>
      <source>The {} layer '{}' has no features with a usable geometry.</source>
      <translation>De {}-laag '{}' heeft geen objecten met een bruikbare geometrie.</translation>
    </message>
    <message>
      <source>The {} layer '{}' must contain lines or polygons.</source>
      <translation>De {}-laag '{}' moet lijnen of polygonen bevatten.</translation>
    </message>
    <message>
      <source>Working CRS: {}.</source>
      <translation>Werk-CRS: {}.</translation>
    </message>
    <message>
      <source>{} building footprints with {} walls used as occluders.</source>
      <translation>{} gebouwcontouren met {} muren gebruikt als zichtblokkades.</translation>
    </message>
    <message>
      <source>{} building footprints without area were left out.</source>
      <translation>{} gebouwcontouren zonder oppervlakte weggelaten.</translation>
    </message>
    <message>
      <source>BESECURE Urban Security Toolbox</source>
      <translation>BESECURE-gereedschapskist stedelijke veiligheid</translation>
    </message>
    <message>
      <source>Spatial units: 0 square grid, 1 hexagon grid, 2 the polygons of ZONES.</source>
      <translation>Ruimtelijke eenheden: 0 vierkant raster, 1 zeshoekraster, 2 de polygonen van ZONES.</translation>
    </message>
    <message>
      <source>Cell size in metres, whatever the layer's CRS (default 250). For hexagons, the distance between parallel sides. Grids are anchored to multiples of the size, so maps of different periods line up.</source>
      <translation>Celgrootte in meters, ongeacht het CRS van de laag (standaard 250). Bij zeshoeken de afstand tussen evenwijdige zijden. Rasters liggen vast op veelvouden van de grootte, zodat kaarten van verschillende perioden op elkaar passen.</translation>
    </message>
    <message>
      <source>Polygon layer (neighbourhoods, beats, community areas) used when AGGREGATION is 2; any CRS.</source>
      <translation>Polygoonlaag (buurten, wijken, politiegebieden) die gebruikt wordt als AGGREGATION 2 is; elk CRS.</translation>
    </message>
    <message>
      <source>Field that identifies a zone in the output (default: the feature id).</source>
      <translation>Veld dat een gebied in de uitvoer aanduidt (standaard: het object-id).</translation>
    </message>
    <message>
      <source>Numeric field of ZONES with residents, for rate_1000.</source>
      <translation>Numeriek veld van ZONES met het aantal inwoners, voor rate_1000.</translation>
    </message>
    <message>
      <source>Point layer with population (e.g. census block centroids), summed per unit; works with grids and zones.</source>
      <translation>Puntlaag met bevolking (bijv. middelpunten van bouwblokken), opgeteld per eenheid; werkt met rasters en gebieden.</translation>
    </message>
    <message>
      <source>Numeric field of POPULATION_POINTS with the number of residents.</source>
      <translation>Numeriek veld van POPULATION_POINTS met het aantal inwoners.</translation>
    </message>
    <message>
      <source>Optional polygon mask: incidents outside it are left out (and counted in the log); grid cells are kept where they overlap it.</source>
      <translation>Optioneel polygoonmasker: incidenten erbuiten tellen niet mee (en staan in het logboek); rastercellen blijven waar ze het overlappen.</translation>
    </message>
    <message>
      <source>Keep units without incidents (default yes), so a map shows where nothing was recorded.</source>
      <translation>Eenheden zonder incidenten behouden (standaard ja), zodat de kaart laat zien waar niets is geregistreerd.</translation>
    </message>
    <message>
      <source>Refuse grids with more cells than this (protects against a cell size typed in the wrong unit).</source>
      <translation>Weiger rasters met meer cellen dan dit (beschermt tegen een celgrootte in de verkeerde eenheid).</translation>
    </message>
    <message>
      <source>Zones (when the units are a polygon layer)</source>
      <translation>Gebieden (als de eenheden een polygoonlaag zijn)</translation>
    </message>
    <message>
      <source>Keep units without incidents</source>
      <translation>Eenheden zonder incidenten behouden</translation>
    </message>
    <message>
      <source>There are no incidents to place a grid over; give a study area or check the filters.</source>
      <translation>Er zijn geen incidenten om een raster over te leggen; geef een studiegebied of controleer de filters.</translation>
    </message>
    <message>
      <source>Spatial units are set to a polygon layer: choose the zones layer (ZONES).</source>
      <translation>De ruimtelijke eenheden staan op een polygoonlaag: kies de zonelaag (ZONES).</translation>
    </message>
    <message>
      <source>The zones layer has no polygons.</source>
      <translation>De zonelaag heeft geen polygonen.</translation>
    </message>
    <message>
      <source>Population points were given without POPULATION_POINTS_FIELD (the residents per point).</source>
      <translation>Er zijn bevolkingspunten opgegeven zonder POPULATION_POINTS_FIELD (de inwoners per punt).</translation>
    </message>
    <message>
      <source>Zone identifier field</source>
      <translation>Veld met gebieds-id</translation>
    </message>
    <message>
      <source>Spatial units</source>
      <translation>Ruimtelijke eenheden</translation>
    </message>
    <message>
      <source>Polygon layer (zones)</source>
      <translation>Polygoonlaag (gebieden)</translation>
    </message>
    <message>
      <source>Population field of the zones</source>
      <translation>Bevolkingsveld van de gebieden</translation>
    </message>
    <message>
      <source>Population points</source>
      <translation>Bevolkingspunten</translation>
    </message>
    <message>
      <source>Working CRS: {}; output CRS: {}</source>
      <translation>Werk-CRS: {}; uitvoer-CRS: {}</translation>
    </message>
    <message>
      <source>zone ({})</source>
      <translation>zone ({})</translation>
    </message>
    <message>
      <source>Polygons (e.g. the output of Aggregate incidents: grid cells or zones with a count) or points with a value. Any CRS: distances are in metres (layers in degrees or feet are worked in their UTM zone; a layer without a CRS is worked in its own units).</source>
      <translation>Polygonen (bijv. de uitvoer van Incidenten aggregeren: rastercellen of gebieden met een aantal) of punten met een waarde. Elk CRS: afstanden zijn in meters (lagen in graden of voet worden in hun UTM-zone bewerkt; een laag zonder CRS in haar eigen eenheden).</translation>
    </message>
    <message>
      <source>Numeric field with the value of each feature (a count, a rate). Features whose value is empty (NULL) are left out and counted in the log.</source>
      <translation>Numeriek veld met de waarde van elk object (een aantal, een ratio). Objecten zonder waarde (NULL) worden weggelaten en in het logboek geteld.</translation>
    </message>
    <message>
      <source>Which features are neighbours: 0 queen contiguity (polygons sharing a boundary or a corner), 1 rook contiguity (polygons sharing a boundary), 2 distance band (centres within DISTANCE), 3 the K nearest centres. Contiguity needs polygons; distances are measured between polygon centroids or between the points.</source>
      <translation>Welke objecten buren zijn: 0 queen-aangrenzing (polygonen met een gemeenschappelijke grens of hoek), 1 rook-aangrenzing (polygonen met een gemeenschappelijke grens), 2 afstandsband (middelpunten binnen DISTANCE), 3 de K dichtstbijzijnde middelpunten. Aangrenzing vereist polygonen; afstanden worden gemeten tussen de zwaartepunten van polygonen of tussen de punten.</translation>
    </message>
    <message>
      <source>Distance band in metres (NEIGHBOURS 2): features whose centres are at most this far apart are neighbours, a distance equal to the band included (up to rounding: 1000 m on a 500 m hexagon grid includes the cells 1000 m away). 0 = automatic: the smallest distance that gives every feature at least one neighbour, stated in the log.</source>
      <translation>Afstandsband in meters (NEIGHBOURS 2): objecten waarvan de middelpunten hoogstens zo ver uit elkaar liggen zijn buren, een afstand gelijk aan de band inbegrepen (op afronding na: 1000 m op een raster van zeshoeken van 500 m neemt de cellen op 1000 m mee). 0 = automatisch: de kleinste afstand waarbij elk object minstens één buur heeft, vermeld in het logboek.</translation>
    </message>
    <message>
      <source>Number of nearest neighbours (NEIGHBOURS 3); default 8. Ties: all features at the K-th nearest distance are included (on a hexagon grid K = 3 gives the 6 cells around), so the result does not depend on the order of the features; the log counts the features concerned.</source>
      <translation>Aantal dichtstbijzijnde buren (NEIGHBOURS 3); standaard 8. Gelijke afstanden: alle objecten op de K-de kleinste afstand worden meegenomen (op een raster van zeshoeken geeft K = 3 de 6 cellen eromheen), zodat het resultaat niet afhangt van de volgorde van de objecten; het logboek telt de betrokken objecten.</translation>
    </message>
    <message>
      <source>Random permutations for the pseudo p-values (999 is usual).</source>
      <translation>Willekeurige permutaties voor de pseudo-p-waarden (999 is gebruikelijk).</translation>
    </message>
    <message>
      <source>Distance band (metres, 0 = automatic)</source>
      <translation>Afstandsband (meter, 0 = automatisch)</translation>
    </message>
    <message>
      <source>Number of nearest neighbours (K)</source>
      <translation>Aantal dichtstbijzijnde buren (K)</translation>
    </message>
    <message>
      <source>The input layer (INPUT) could not be opened.</source>
      <translation>De invoerlaag (INPUT) kon niet worden geopend.</translation>
    </message>
    <message>
      <source>Choose the field with the values to analyse (VALUE_FIELD), e.g. 'count'.</source>
      <translation>Kies het veld met de te analyseren waarden (VALUE_FIELD), bijv. 'count'.</translation>
    </message>
    <message>
      <source>The layer '{}' has no features with a usable geometry.</source>
      <translation>De laag '{}' heeft geen objecten met een bruikbare geometrie.</translation>
    </message>
    <message>
      <source>'{}' has {} feature(s) with a value in '{}'; spatial autocorrelation needs at least 3 (better 30 or more).</source>
      <translation>'{}' heeft {} object(en) met een waarde in '{}'; ruimtelijke autocorrelatie heeft er ten minste 3 nodig (liever 30 of meer).</translation>
    </message>
    <message>
      <source>All {} values of '{}' are equal ({:g}); hot spots and clusters need values that vary. Choose another field or a larger area.</source>
      <translation>Alle {} waarden van '{}' zijn gelijk ({:g}); hotspots en clusters vragen om waarden die variëren. Kies een ander veld of een groter gebied.</translation>
    </message>
    <message>
      <source>Input layer (polygons or points)</source>
      <translation>Invoerlaag (polygonen of punten)</translation>
    </message>
    <message>
      <source>Value field</source>
      <translation>Waardeveld</translation>
    </message>
    <message>
      <source>Neighbours</source>
      <translation>Buren</translation>
    </message>
    <message>
      <source>layer units</source>
      <translation>laageenheden</translation>
    </message>
    <message>
      <source>The layer '{}' has no field '{}'. Available: {}.</source>
      <translation>De laag '{}' heeft geen veld '{}'. Beschikbaar: {}.</translation>
    </message>
    <message>
      <source>The field '{}' of '{}' is not numeric; choose a field with numbers (a count or a rate).</source>
      <translation>Het veld '{}' van '{}' is niet numeriek; kies een veld met getallen (een aantal of een ratio).</translation>
    </message>
    <message>
      <source>The layer '{}' has neither polygons nor points; give polygons with a value (e.g. the output of Aggregate incidents) or points with a value.</source>
      <translation>De laag '{}' heeft polygonen noch punten; geef polygonen met een waarde (bijv. de uitvoer van Incidenten aggregeren) of punten met een waarde.</translation>
    </message>
    <message>
      <source>Contiguity (queen or rook) needs polygons; for points choose a distance band (NEIGHBOURS 2) or k nearest neighbours (NEIGHBOURS 3).</source>
      <translation>Aangrenzing (queen of rook) heeft polygonen nodig; kies voor punten een afstandsband (NEIGHBOURS 2) of k naaste buren (NEIGHBOURS 3).</translation>
    </message>
    <message>
      <source>queen contiguity</source>
      <translation>queen-aangrenzing</translation>
    </message>
    <message>
      <source>rook contiguity</source>
      <translation>rook-aangrenzing</translation>
    </message>
    <message>
      <source>The layer '{}' has no coordinate reference system, so the distances for a distance band or nearest neighbours are unknown; set the layer's CRS (Layer Properties, Source) or choose queen or rook contiguity.</source>
      <translation>De laag '{}' heeft geen coördinatenreferentiesysteem, dus de afstanden voor een afstandsband of naaste buren zijn onbekend; stel het CRS van de laag in (Laageigenschappen, Bron) of kies aangrenzing volgens queen of rook.</translation>
    </message>
    <message>
      <source>These neighbours are not symmetric: a feature can be among the nearest of another without the reverse.</source>
      <translation>Deze buren zijn niet symmetrisch: een object kan bij de dichtstbijzijnde van een ander horen zonder dat het omgekeerde geldt.</translation>
    </message>
    <message>
      <source>Queen contiguity</source>
      <translation>Queen-aangrenzing</translation>
    </message>
    <message>
      <source>Rook contiguity</source>
      <translation>Rook-aangrenzing</translation>
    </message>
    <message>
      <source>Distance band</source>
      <translation>Afstandsband</translation>
    </message>
    <message>
      <source>K nearest neighbours</source>
      <translation>K dichtstbijzijnde buren</translation>
    </message>
    <message>
      <source>Spatial weights: {}; {} features, {} links, neighbours per feature min {} / mean {:.2f} / max {}.</source>
      <translation>Ruimtelijke gewichten: {}; {} objecten, {} verbindingen, buren per object min {} / gemiddeld {:.2f} / max {}.</translation>
    </message>
    <message>
      <source>The layer '{}' has no coordinate reference system: distances are taken in the layer's own units.</source>
      <translation>De laag '{}' heeft geen coördinatenreferentiesysteem: afstanden worden in de eigen eenheden van de laag genomen.</translation>
    </message>
    <message>
      <source>Working CRS: {}</source>
      <translation>Werk-CRS: {}</translation>
    </message>
    <message>
      <source>Read {} polygons.</source>
      <translation>{} polygonen gelezen.</translation>
    </message>
    <message>
      <source>Contiguity: polygon vertices are snapped to a {:.3g} {} grid, so copies of a shared vertex that differ by rounding still match.</source>
      <translation>Aangrenzing: hoekpunten van polygonen worden op een raster van {:.3g} {} uitgelijnd, zodat kopieën van een gedeeld hoekpunt die door afronding verschillen toch samenvallen.</translation>
    </message>
    <message>
      <source>A distance band needs at least 2 features.</source>
      <translation>Een afstandsband heeft ten minste 2 objecten nodig.</translation>
    </message>
    <message>
      <source>No feature has a neighbour within {:g} {}; increase DISTANCE (at least {:.6g} {} gives every feature a neighbour) or set it to 0 (automatic).</source>
      <translation>Geen object heeft een buur binnen {:g} {}; vergroot DISTANCE (ten minste {:.6g} {} geeft elk object een buur) of zet haar op 0 (automatisch).</translation>
    </message>
    <message>
      <source>K = {} nearest neighbours needs more than {} features; the layer has {}. Lower K.</source>
      <translation>K = {} naaste buren vraagt meer dan {} objecten; de laag heeft er {}. Verlaag K.</translation>
    </message>
    <message>
      <source>{} features have no neighbour (islands); their statistics are empty and they are labelled 'No neighbours': ids {}.</source>
      <translation>{} objecten hebben geen buur (eilanden); hun statistieken zijn leeg en ze krijgen het label 'No neighbours': ids {}.</translation>
    </message>
    <message>
      <source> (and {} more)</source>
      <translation> (en nog {})</translation>
    </message>
    <message>
      <source>{} features have no value in '{}' (NULL) and are left out: ids {}.</source>
      <translation>{} objecten hebben geen waarde in '{}' (NULL) en worden weggelaten: ids {}.</translation>
    </message>
    <message>
      <source>distance band of {:g} {}</source>
      <translation>afstandsband van {:g} {}</translation>
    </message>
    <message>
      <source>{} nearest neighbours</source>
      <translation>{} dichtstbijzijnde buren</translation>
    </message>
    <message>
      <source>Automatic distance band: {:.6g} {}, the smallest distance that gives every feature at least one neighbour.</source>
      <translation>Automatische afstandsband: {:.6g} {}, de kleinste afstand waarbij elk object minstens één buur heeft.</translation>
    </message>
    <message>
      <source>A distance band of at least {:.6g} {} would give every feature a neighbour.</source>
      <translation>Een afstandsband van minstens {:.6g} {} zou elk object een buur geven.</translation>
    </message>
    <message>
      <source>K nearest neighbours: {:,} features have several neighbours at their K-th distance (ties, as on a regular grid); all of them are included, so these features have more than {} neighbours (up to {}).</source>
      <translation>K dichtstbijzijnde buren: {:,} objecten hebben meerdere buren op hun K-de afstand (gelijke afstanden, zoals op een regelmatig raster); die worden allemaal meegenomen, dus deze objecten hebben meer dan {} buren (tot {}).</translation>
    </message>
    <message>
      <source>The population field '{}' has {:,} negative value(s), e.g. {:g} in feature {}; residents must be zero or more.</source>
      <translation>Het bevolkingsveld '{}' heeft {:,} negatieve waarde(n), bijv. {:g} in object {}; aantallen inwoners moeten nul of meer zijn.</translation>
    </message>
    <message>
      <source>The population field '{}' holds text ('{}' in feature {}); choose a field with numbers of residents.</source>
      <translation>Het bevolkingsveld '{}' bevat tekst ('{}' in object {}); kies een veld met aantallen inwoners.</translation>
    </message>
    <message>
      <source>The layer has no valid coordinate reference system; set its CRS in the layer properties.</source>
      <translation>De laag heeft geen geldig coördinatenreferentiesysteem; stel het CRS in bij de laageigenschappen.</translation>
    </message>
    <message>
      <source>Cannot choose a metric CRS for an empty layer.</source>
      <translation>Voor een lege laag kan geen metrisch CRS worden gekozen.</translation>
    </message>
    <message>
      <source>The layer's coordinates cannot be placed on the globe; check the layer's CRS.</source>
      <translation>De coördinaten van de laag kunnen niet op de aardbol worden geplaatst; controleer het CRS van de laag.</translation>
    </message>
    <message>
      <source>{}: '{}' is not a date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM.</source>
      <translation>{}: '{}' is geen datum; schrijf haar als JJJJ-MM-DD of JJJJ-MM-DD UU:MM.</translation>
    </message>
    <message>
      <source>The layer has no incidents between {} and {} in '{}'.</source>
      <translation>De laag heeft geen incidenten tussen {} en {} in '{}'.</translation>
    </message>
    <message>
      <source>Unknown time zone {!r}; use an IANA name such as 'Europe/Amsterdam'.</source>
      <translation>Onbekende tijdzone {!r}; gebruik een IANA-naam zoals 'Europe/Amsterdam'.</translation>
    </message>
    <message>
      <source>the start</source>
      <translation>het begin</translation>
    </message>
    <message>
      <source>the end</source>
      <translation>het einde</translation>
    </message>
    <message>
      <source>{} m hexagon</source>
      <translation>zeshoek van {} m</translation>
    </message>
    <message>
      <source>{} m square</source>
      <translation>vierkant van {} m</translation>
    </message>
    <message>
      <source>all incidents</source>
      <translation>alle incidenten</translation>
    </message>
    <message>
      <source>from {}</source>
      <translation>vanaf {}</translation>
    </message>
    <message>
      <source>until {}</source>
      <translation>tot {}</translation>
    </message>
    <message>
      <source>{} in {{{}}}</source>
      <translation>{} in {{{}}}</translation>
    </message>
    <message>
      <source>Incidents</source>
      <translation>Incidenten</translation>
    </message>
    <message>
      <source>Coordinates in {} cannot be placed in {}: they lie outside the area that CRS covers (metres in a layer set to degrees?). Check the layer's CRS (Layer Properties, Source).</source>
      <translation>Coördinaten in {} kunnen niet in {} worden geplaatst: ze liggen buiten het gebied dat dat CRS beslaat (meters in een laag die op graden staat?). Controleer het CRS van de laag (Laageigenschappen, Bron).</translation>
    </message>
    <message>
      <source>input</source>
      <translation>invoer</translation>
    </message>
    <message>
      <source>The input layer has no geometry; give a point layer or a CSV file with x/y or lat/lon columns.</source>
      <translation>De invoerlaag heeft geen geometrie; geef een puntenlaag of een CSV-bestand met x/y- of lat/lon-kolommen.</translation>
    </message>
    <message>
      <source>The layer '{}' must contain polygons.</source>
      <translation>De laag '{}' moet polygonen bevatten.</translation>
    </message>
    <message>
      <source>polygon</source>
      <translation>polygoon</translation>
    </message>
    <message>
      <source>The layer '{}' must contain lines.</source>
      <translation>De laag '{}' moet lijnen bevatten.</translation>
    </message>
    <message>
      <source>line</source>
      <translation>lijn</translation>
    </message>
    <message>
      <source>The population raster could not be opened; give a GeoTIFF or another GDAL raster.</source>
      <translation>Het bevolkingsraster kon niet worden geopend; geef een GeoTIFF of een ander GDAL-raster.</translation>
    </message>
    <message>
      <source>GDAL cannot open the population raster '{}'.</source>
      <translation>GDAL kan het bevolkingsraster '{}' niet openen.</translation>
    </message>
    <message>
      <source>The population raster is rotated; warp it to a north-up grid first.</source>
      <translation>Het bevolkingsraster is gedraaid; transformeer het eerst naar een noord-boven raster.</translation>
    </message>
    <message>
      <source>GDAL cannot read the population raster '{}'.</source>
      <translation>GDAL kan het bevolkingsraster '{}' niet lezen.</translation>
    </message>
    <message>
      <source>The {} layer has no field '{}'. Available: {}.</source>
      <translation>De {}-laag heeft geen veld '{}'. Beschikbaar: {}.</translation>
    </message>
    <message>
      <source>The layer '{}' has {} geometries; this algorithm needs points here. Convert lines or polygons to points first.</source>
      <translation>De laag '{}' heeft {}-geometrieën; dit algoritme heeft hier punten nodig. Zet lijnen of polygonen eerst om naar punten.</translation>
    </message>
    <message>
      <source>The CSV has x/y columns ('{}', '{}') but their CRS is unknown; set the CSV CRS parameter (e.g. EPSG:2263) or load the file as a delimited-text layer with its CRS.</source>
      <translation>De CSV heeft x/y-kolommen ('{}', '{}') maar hun CRS is onbekend; stel de parameter CSV-CRS in (bijv. EPSG:2263) of laad het bestand als tekstlaag met scheidingstekens met zijn CRS.</translation>
    </message>
    <message>
      <source>The CSV has no x/y or latitude/longitude columns; name them x and y, or latitude and longitude.</source>
      <translation>De CSV heeft geen x/y- of breedte/lengtegraadkolommen; noem ze x en y, of latitude en longitude.</translation>
    </message>
    <message>
      <source>Read {:,} points ({}); {:,} without a usable geometry skipped.</source>
      <translation>{:,} punten gelezen ({}); {:,} zonder bruikbare geometrie overgeslagen.</translation>
    </message>
    <message>
      <source>The CSV '{}' separates columns by semicolons; numbers are read with a decimal comma.</source>
      <translation>De CSV '{}' scheidt kolommen met puntkomma's; getallen worden gelezen met een decimale komma.</translation>
    </message>
    <message>
      <source>{:,} lines without geometry were skipped.</source>
      <translation>{:,} lijnen zonder geometrie zijn overgeslagen.</translation>
    </message>
    <message>
      <source>{:,} multi-point features: only their first point is used.</source>
      <translation>{:,} multipunt-objecten: alleen hun eerste punt wordt gebruikt.</translation>
    </message>
    <message>
      <source>{:,} polygons without geometry were skipped.</source>
      <translation>{:,} vlakken zonder geometrie zijn overgeslagen.</translation>
    </message>
    <message>
      <source>{:,} invalid polygons were repaired (makeValid) before use.</source>
      <translation>{:,} ongeldige vlakken zijn vóór gebruik hersteld (makeValid).</translation>
    </message>
    <message>
      <source>The CSV '{}' is not UTF-8; it was read as Latin-1 (Western European).</source>
      <translation>De CSV '{}' is geen UTF-8; hij is gelezen als Latin-1 (West-Europees).</translation>
    </message>
    <message>
      <source>years unknown</source>
      <translation>jaren onbekend</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Probleem</translation>
    </message>
    <message>
      <source>Core values</source>
      <translation>Kernwaarden</translation>
    </message>
    <message>
      <source>Approach</source>
      <translation>Aanpak</translation>
    </message>
    <message>
      <source>Smart-city element</source>
      <translation>Smart-city-element</translation>
    </message>
    <message>
      <source>since {}</source>
      <translation>sinds {}</translation>
    </message>
    <message>
      <source>none</source>
      <translation>geen</translation>
    </message>
    <message>
      <source>strength {} of {}</source>
      <translation>sterkte {} van {}</translation>
    </message>
    <message>
      <source>One of your own practices.</source>
      <translation>Een van uw eigen praktijken.</translation>
    </message>
    <message>
      <source>Evidence of effect</source>
      <translation>Bewijs van effect</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>Bronnen</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Trefwoorden</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Samenvatting</translation>
    </message>
    <message>
      <source>Verdicts</source>
      <translation>Oordelen</translation>
    </message>
    <message>
      <source>Criteria and their sources</source>
      <translation>Criteria en hun bronnen</translation>
    </message>
    <message>
      <source>(not in this variant)</source>
      <translation>(niet in deze variant)</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Toets</translation>
    </message>
    <message>
      <source>No verdicts.</source>
      <translation>Geen oordelen.</translation>
    </message>
    <message>
      <source>What changed between the variants</source>
      <translation>Wat veranderde tussen de varianten</translation>
    </message>
    <message>
      <source>The criteria of this check are its parameters (below).</source>
      <translation>De criteria van deze toets zijn zijn parameters (hieronder).</translation>
    </message>
    <message>
      <source>No verdict changed.</source>
      <translation>Geen oordeel veranderd.</translation>
    </message>
    <message>
      <source>Criterion</source>
      <translation>Criterium</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Waarde</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Bron</translation>
    </message>
    <message>
      <source>Parameter</source>
      <translation>Parameter</translation>
    </message>
    <message>
      <source>Created {} with BESECURE {}. Variants: {}.</source>
      <translation>Gemaakt op {} met BESECURE {}. Varianten: {}.</translation>
    </message>
    <message>
      <source>assessed / failing</source>
      <translation>beoordeeld / afgekeurd</translation>
    </message>
    <message>
      <source>Verdict</source>
      <translation>Oordeel</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Onderdeel</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reden</translation>
    </message>
    <message>
      <source>Reason (redesign)</source>
      <translation>Reden (herontwerp)</translation>
    </message>
    <message>
      <source>ran (no verdicts)</source>
      <translation>uitgevoerd (geen oordelen)</translation>
    </message>
    <message>
      <source>not run</source>
      <translation>niet uitgevoerd</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(leeg)</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Verandering</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>Kaart</translation>
    </message>
    <message>
      <source>Failing items</source>
      <translation>Afgekeurde onderdelen</translation>
    </message>
    <message>
      <source>The output {} is a table without geometry, which a shapefile cannot hold; give a .gpkg, .csv or .xlsx file name.</source>
      <translation>De uitvoer {} is een tabel zonder geometrie, die een shapefile niet kan bevatten; geef een bestandsnaam op .gpkg, .csv of .xlsx.</translation>
    </message>
    <message>
      <source>Cannot create the GeoPackage {}; check that the folder exists and is writable.</source>
      <translation>Kan de GeoPackage {} niet aanmaken; controleer of de map bestaat en beschrijfbaar is.</translation>
    </message>
    <message>
      <source>Cannot write the raster file {}; check that the folder exists and is writable.</source>
      <translation>Kan het rasterbestand {} niet schrijven; controleer of de map bestaat en beschrijfbaar is.</translation>
    </message>
    <message>
      <source>Cannot write the GeoPackage {}; check that the folder exists and is writable.</source>
      <translation>Kan de GeoPackage {} niet schrijven; controleer of de map bestaat en beschrijfbaar is.</translation>
    </message>
    <message>
      <source>Cannot create the field '{}' in the output GeoPackage.</source>
      <translation>Kan het veld '{}' niet aanmaken in de GeoPackage-uitvoer.</translation>
    </message>
    <message>
      <source>Writing the GeoPackage {} failed ({}); check the free space and that the folder is writable.</source>
      <translation>Het schrijven van de GeoPackage {} is mislukt ({}); controleer de vrije schijfruimte en of de map beschrijfbaar is.</translation>
    </message>
    <message>
      <source>Library</source>
      <translation>Bibliotheek</translation>
    </message>
    <message>
      <source>Show or hide the Library: practices from European cities, with their evidence and sources</source>
      <translation>Toon of verberg de Bibliotheek: praktijken uit Europese steden, met hun bewijs en bronnen</translation>
    </message>
    <message>
      <source>Compass</source>
      <translation>Kompas</translation>
    </message>
    <message>
      <source>Show or hide the Compass: the profile of an area, with charts, core values and options</source>
      <translation>Toon of verberg het Kompas: het profiel van een gebied, met grafieken, kernwaarden en opties</translation>
    </message>
    <message>
      <source>Policy Navigator</source>
      <translation>Beleidsnavigator</translation>
    </message>
    <message>
      <source>Show or hide the Policy Navigator: a step-by-step dossier from analysis to effect</source>
      <translation>Toon of verberg de Beleidsnavigator: een dossier stap voor stap, van analyse tot effect</translation>
    </message>
    <message>
      <source>Monday</source>
      <translation>maandag</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translation>dinsdag</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translation>woensdag</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translation>donderdag</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>vrijdag</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translation>zaterdag</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translation>zondag</translation>
    </message>
    <message>
      <source>Charts need the Python package pyqtgraph. On Debian or Ubuntu: sudo apt install python3-pyqtgraph; elsewhere: pip install pyqtgraph. The figures above work without it.</source>
      <translation>Voor de grafieken is het Python-pakket pyqtgraph nodig. Op Debian of Ubuntu: sudo apt install python3-pyqtgraph; elders: pip install pyqtgraph. De kengetallen hierboven werken ook zonder.</translation>
    </message>
    <message>
      <source>Incidents per month</source>
      <translation>Incidenten per maand</translation>
    </message>
    <message>
      <source>Hour of the day</source>
      <translation>Uur van de dag</translation>
    </message>
    <message>
      <source>City (scaled to the area's total)</source>
      <translation>Stad (geschaald naar het totaal van het gebied)</translation>
    </message>
    <message>
      <source>This area</source>
      <translation>Dit gebied</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Overig</translation>
    </message>
    <message>
      <source>Select an area on the map or here</source>
      <translation>Selecteer een gebied op de kaart of hier</translation>
    </message>
    <message>
      <source>Choose an area, or select one feature of the area layer on the map</source>
      <translation>Kies een gebied, of selecteer één object van de gebiedenlaag op de kaart</translation>
    </message>
    <message>
      <source>Point layer of incidents</source>
      <translation>Puntenlaag met incidenten</translation>
    </message>
    <message>
      <source>Date/time of each incident</source>
      <translation>Datum/tijd van elk incident</translation>
    </message>
    <message>
      <source>Optional: type of incident, for the category chart</source>
      <translation>Optioneel: soort incident, voor de grafiek per categorie</translation>
    </message>
    <message>
      <source>Polygon layer of areas (neighbourhoods, districts, community areas)</source>
      <translation>Vlakkenlaag met gebieden (buurten, wijken, stadsdelen)</translation>
    </message>
    <message>
      <source>Field that names each area; it also keys the core values and the matrix</source>
      <translation>Veld met de naam van elk gebied; hieraan worden ook de kernwaarden en de matrix gekoppeld</translation>
    </message>
    <message>
      <source>Optional: residents per area, for the rate per 1,000 residents</source>
      <translation>Optioneel: inwoners per gebied, voor het aantal per 1.000 inwoners</translation>
    </message>
    <message>
      <source>First day of the period</source>
      <translation>Eerste dag van de periode</translation>
    </message>
    <message>
      <source>Last day of the period (included); the previous period has the same length</source>
      <translation>Laatste dag van de periode (inbegrepen); de vorige periode is even lang</translation>
    </message>
    <message>
      <source>Read the layers again (after editing them)</source>
      <translation>Lees de lagen opnieuw in (na het bewerken ervan)</translation>
    </message>
    <message>
      <source>Time field</source>
      <translation>Tijdveld</translation>
    </message>
    <message>
      <source>Areas</source>
      <translation>Gebieden</translation>
    </message>
    <message>
      <source>Name field</source>
      <translation>Naamveld</translation>
    </message>
    <message>
      <source>Population field</source>
      <translation>Inwonersveld</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Periode</translation>
    </message>
    <message>
      <source>Per 1,000 residents</source>
      <translation>Per 1.000 inwoners</translation>
    </message>
    <message>
      <source>Share of the city</source>
      <translation>Aandeel in de stad</translation>
    </message>
    <message>
      <source>Rank (1 = most)</source>
      <translation>Rang (1 = meeste)</translation>
    </message>
    <message>
      <source>Previous period</source>
      <translation>Vorige periode</translation>
    </message>
    <message>
      <source>Change in %</source>
      <translation>Verandering in %</translation>
    </message>
    <message>
      <source>Poisson z</source>
      <translation>Poisson-z</translation>
    </message>
    <message>
      <source>Incidents per month in the area (solid) and in the whole city, scaled to the area's total (dashed): do they move together? Orange: the period; grey: the previous one.</source>
      <translation>Incidenten per maand in het gebied (doorgetrokken) en in de hele stad, geschaald naar het totaal van het gebied (gestippeld): bewegen ze samen? Oranje: de periode; grijs: de vorige.</translation>
    </message>
    <message>
      <source>Incidents per category in the period.</source>
      <translation>Incidenten per categorie in de periode.</translation>
    </message>
    <message>
      <source>When incidents happen in the period: hours across, days down; darker = more. Plan patrols, lighting and opening hours around the dark cells.</source>
      <translation>Wanneer incidenten in de periode plaatsvinden: uren horizontaal, dagen verticaal; donkerder = meer. Stem surveillance, verlichting en openingstijden af op de donkere vakken.</translation>
    </message>
    <message>
      <source>Score how much each core value is at stake in this area, 0 (not at all) to 5 (very much), and note why. Stored in the project, per area.</source>
      <translation>Geef aan hoezeer elke kernwaarde in dit gebied op het spel staat, van 0 (helemaal niet) tot 5 (zeer sterk), en noteer waarom. Wordt per gebied in het project opgeslagen.</translation>
    </message>
    <message>
      <source>Rows: the area's issues; columns: the options you consider. Score each option per issue from -2 (makes it worse) to +2 (solves it well); the totals show which option helps most. Stored in the project, per area.</source>
      <translation>Rijen: de vraagstukken van het gebied; kolommen: de opties die u overweegt. Scoor elke optie per vraagstuk van -2 (maakt het erger) tot +2 (lost het goed op); de totalen laten zien welke optie het meest helpt. Wordt per gebied in het project opgeslagen.</translation>
    </message>
    <message>
      <source>The issue/option matrix of the area</source>
      <translation>De vraagstuk-optiematrix van het gebied</translation>
    </message>
    <message>
      <source>Name of an issue or option</source>
      <translation>Naam van een vraagstuk of optie</translation>
    </message>
    <message>
      <source>Add issue</source>
      <translation>Vraagstuk toevoegen</translation>
    </message>
    <message>
      <source>Add option</source>
      <translation>Optie toevoegen</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Verwijderen</translation>
    </message>
    <message>
      <source>Remove the issue (row) or option (column) of the selected header, or the row of the current cell</source>
      <translation>Verwijder het vraagstuk (rij) of de optie (kolom) van de geselecteerde kop, of de rij van de huidige cel</translation>
    </message>
    <message>
      <source>no significant change</source>
      <translation>geen significante verandering</translation>
    </message>
    <message>
      <source>Issue</source>
      <translation>Vraagstuk</translation>
    </message>
    <message>
      <source>Option</source>
      <translation>Optie</translation>
    </message>
    <message>
      <source>Rename</source>
      <translation>Hernoemen</translation>
    </message>
    <message>
      <source>Choose an incident (point) layer and an area (polygon) layer.</source>
      <translation>Kies een incidentenlaag (punten) en een gebiedenlaag (vlakken).</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>Gebied</translation>
    </message>
    <message>
      <source>Trend</source>
      <translation>Trend</translation>
    </message>
    <message>
      <source>Categories</source>
      <translation>Categorieën</translation>
    </message>
    <message>
      <source>Options</source>
      <translation>Opties</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Toelichting</translation>
    </message>
    <message>
      <source>Choose the date/time field of the incidents.</source>
      <translation>Kies het datum-/tijdveld van de incidenten.</translation>
    </message>
    <message>
      <source>Choose a population field of the area layer to see the rate</source>
      <translation>Kies een inwonersveld van de gebiedenlaag om het aantal per inwoner te zien</translation>
    </message>
    <message>
      <source>No incidents with a time in this period.</source>
      <translation>Geen incidenten met een tijdstip in deze periode.</translation>
    </message>
    <message>
      <source>The area layer has no polygons.</source>
      <translation>De gebiedenlaag bevat geen vlakken.</translation>
    </message>
    <message>
      <source>{n} incidents in {a} areas; {o} outside every area are not counted.</source>
      <translation>{n} incidenten in {a} gebieden; {o} buiten alle gebieden worden niet meegeteld.</translation>
    </message>
    <message>
      <source>{} %</source>
      <translation>{} %</translation>
    </message>
    <message>
      <source>{rank} of {n}</source>
      <translation>{rank} van {n}</translation>
    </message>
    <message>
      <source>significant increase</source>
      <translation>significante toename</translation>
    </message>
    <message>
      <source>significant decrease</source>
      <translation>significante afname</translation>
    </message>
    <message>
      <source>{area}: {start} – {end} against {pstart} – {pend}: {trend}.</source>
      <translation>{area}: {start} – {end} tegenover {pstart} – {pend}: {trend}.</translation>
    </message>
    <message>
      <source>Totals: {}</source>
      <translation>Totalen: {}</translation>
    </message>
    <message>
      <source>Exact test of equal rates: p = {p}, q = {q} (Benjamini-Hochberg over the areas); significant when q ≤ {alpha}: {trend}. Poisson z = 2 (√now − √before) is shown for reference.</source>
      <translation>Exacte toets op gelijke tempo's: p = {p}, q = {q} (Benjamini-Hochberg over de gebieden); significant als q ≤ {alpha}: {trend}. Poisson-z = 2 (√nu − √ervoor) staat er ter vergelijking bij.</translation>
    </message>
    <message>
      <source>Busiest hour: {day} {h:02d}:00–{h1:02d}:00 ({n} incidents).</source>
      <translation>Drukste uur: {day} {h:02d}:00–{h1:02d}:00 ({n} incidenten).</translation>
    </message>
    <message>
      <source>No incident has a date/time in '{}'.</source>
      <translation>Geen enkel incident heeft een datum/tijd in '{}'.</translation>
    </message>
    <message>
      <source>All problems</source>
      <translation>Alle problemen</translation>
    </message>
    <message>
      <source>Core value</source>
      <translation>Kernwaarde</translation>
    </message>
    <message>
      <source>All core values</source>
      <translation>Alle kernwaarden</translation>
    </message>
    <message>
      <source>All approaches</source>
      <translation>Alle aanpakken</translation>
    </message>
    <message>
      <source>All smart-city elements</source>
      <translation>Alle smart-city-elementen</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Land</translation>
    </message>
    <message>
      <source>All countries</source>
      <translation>Alle landen</translation>
    </message>
    <message>
      <source>Evidence at least</source>
      <translation>Bewijs ten minste</translation>
    </message>
    <message>
      <source>Any evidence</source>
      <translation>Elk bewijsniveau</translation>
    </message>
    <message>
      <source>Built-in or your own practices</source>
      <translation>Ingebouwde of eigen praktijken</translation>
    </message>
    <message>
      <source>All practices</source>
      <translation>Alle praktijken</translation>
    </message>
    <message>
      <source>Search practices (words in either language, "a phrase")</source>
      <translation>Zoek praktijken (woorden in beide talen, "een zinsdeel")</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>Filters</translation>
    </message>
    <message>
      <source>Add a practice of your own</source>
      <translation>Een eigen praktijk toevoegen</translation>
    </message>
    <message>
      <source>Edit the selected practice</source>
      <translation>De gekozen praktijk bewerken</translation>
    </message>
    <message>
      <source>Delete the selected practice</source>
      <translation>De gekozen praktijk verwijderen</translation>
    </message>
    <message>
      <source>Import practices from a JSON file</source>
      <translation>Praktijken importeren uit een JSON-bestand</translation>
    </message>
    <message>
      <source>Export practices to a JSON file</source>
      <translation>Praktijken exporteren naar een JSON-bestand</translation>
    </message>
    <message>
      <source>Export my practices…</source>
      <translation>Mijn praktijken exporteren…</translation>
    </message>
    <message>
      <source>Export the listed practices…</source>
      <translation>De getoonde praktijken exporteren…</translation>
    </message>
    <message>
      <source>Delete practice</source>
      <translation>Praktijk verwijderen</translation>
    </message>
    <message>
      <source>Import practices</source>
      <translation>Praktijken importeren</translation>
    </message>
    <message>
      <source>JSON files (*.json)</source>
      <translation>JSON-bestanden (*.json)</translation>
    </message>
    <message>
      <source>Export practices</source>
      <translation>Praktijken exporteren</translation>
    </message>
    <message>
      <source>Texts in the second language may be left empty: the first language is then used for both.</source>
      <translation>Teksten in de tweede taal mogen leeg blijven: dan wordt de eerste taal voor beide gebruikt.</translation>
    </message>
    <message>
      <source>empty for a national or regional practice</source>
      <translation>leeg voor een landelijke of regionale praktijk</translation>
    </message>
    <message>
      <source>City</source>
      <translation>Stad</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>onbekend</translation>
    </message>
    <message>
      <source>ongoing</source>
      <translation>lopend</translation>
    </message>
    <message>
      <source>Years</source>
      <translation>Jaren</translation>
    </message>
    <message>
      <source>Evidence level</source>
      <translation>Bewijsniveau</translation>
    </message>
    <message>
      <source>Add a source</source>
      <translation>Een bron toevoegen</translation>
    </message>
    <message>
      <source>Remove the selected source</source>
      <translation>De gekozen bron verwijderen</translation>
    </message>
    <message>
      <source>comma-separated, e.g. street-lighting, night-time</source>
      <translation>gescheiden door komma's, bijv. straatverlichting, nacht</translation>
    </message>
    <message>
      <source>BESECURE Library</source>
      <translation>BESECURE-bibliotheek</translation>
    </message>
    <message>
      <source>Built-in practices</source>
      <translation>Ingebouwde praktijken</translation>
    </message>
    <message>
      <source>My practices</source>
      <translation>Mijn praktijken</translation>
    </message>
    <message>
      <source>Edit practice</source>
      <translation>Praktijk bewerken</translation>
    </message>
    <message>
      <source>New practice</source>
      <translation>Nieuwe praktijk</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Beschrijving</translation>
    </message>
    <message>
      <source>Web address</source>
      <translation>Webadres</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Verwijzing</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Jaar</translation>
    </message>
    <message>
      <source>{} of {} practices</source>
      <translation>{} van {} praktijken</translation>
    </message>
    <message>
      <source>Delete your practice '{}'? This cannot be undone.</source>
      <translation>Uw praktijk '{}' verwijderen? Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
      <source>{} practices imported as your own.</source>
      <translation>{} praktijken geïmporteerd als eigen praktijken.</translation>
    </message>
    <message>
      <source>{} practices exported to {}.</source>
      <translation>{} praktijken geëxporteerd naar {}.</translation>
    </message>
    <message>
      <source>English</source>
      <translation>Engels</translation>
    </message>
    <message>
      <source>Dutch</source>
      <translation>Nederlands</translation>
    </message>
    <message>
      <source>Your practices file could not be read and was renamed to {}: {}</source>
      <translation>Het bestand met uw praktijken kon niet worden gelezen en is hernoemd naar {}: {}</translation>
    </message>
    <message>
      <source>Please correct:</source>
      <translation>Verbeter a.u.b.:</translation>
    </message>
    <message>
      <source>No practice matches the search and the filters.</source>
      <translation>Geen praktijk past bij de zoekopdracht en de filters.</translation>
    </message>
    <message>
      <source>Cell size</source>
      <translation>Celgrootte</translation>
    </message>
    <message>
      <source>Run the analysis</source>
      <translation>Analyse uitvoeren</translation>
    </message>
    <message>
      <source>Counts per cell, hot times and hot spots for the area, added to the project and linked in the dossier</source>
      <translation>Aantallen per cel, hot times en hotspots voor het gebied, toegevoegd aan het project en gekoppeld in het dossier</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuleren</translation>
    </message>
    <message>
      <source>What does the analysis show, and what are its limits?</source>
      <translation>Wat laat de analyse zien, en wat zijn de beperkingen?</translation>
    </message>
    <message>
      <source>Categories that belong to the problem (none checked = all)</source>
      <translation>Categorieën die bij het probleem horen (niets aangevinkt = alle)</translation>
    </message>
    <message>
      <source>to</source>
      <translation>tot en met</translation>
    </message>
    <message>
      <source>Results linked in the dossier</source>
      <translation>Resultaten gekoppeld in het dossier</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>Bevindingen</translation>
    </message>
    <message>
      <source>layer removed from the project</source>
      <translation>laag uit het project verwijderd</translation>
    </message>
    <message>
      <source>Guide</source>
      <translation>Gids</translation>
    </message>
    <message>
      <source>YYYY-MM-DD</source>
      <translation>JJJJ-MM-DD</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Toevoegen</translation>
    </message>
    <message>
      <source>Give the date as YYYY-MM-DD.</source>
      <translation>Geef de datum als JJJJ-MM-DD.</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>Bezig</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Klaar</translation>
    </message>
    <message>
      <source>Not applicable</source>
      <translation>Niet van toepassing</translation>
    </message>
    <message>
      <source>{} (not in the Library)</source>
      <translation>{} (niet in de Bibliotheek)</translation>
    </message>
    <message>
      <source>Own items</source>
      <translation>Eigen punten</translation>
    </message>
    <message>
      <source>choose the area</source>
      <translation>kies het gebied</translation>
    </message>
    <message>
      <source>choose the problem</source>
      <translation>kies het probleem</translation>
    </message>
    <message>
      <source>state at least one objective</source>
      <translation>noem ten minste één doel</translation>
    </message>
    <message>
      <source>name the stakeholders and their roles</source>
      <translation>noem de betrokken partijen en hun rollen</translation>
    </message>
    <message>
      <source>choose the incident layer</source>
      <translation>kies de incidentenlaag</translation>
    </message>
    <message>
      <source>run the analysis</source>
      <translation>voer de analyse uit</translation>
    </message>
    <message>
      <source>choose at least one practice</source>
      <translation>kies ten minste één praktijk</translation>
    </message>
    <message>
      <source>give a rationale for every chosen practice</source>
      <translation>onderbouw elke gekozen praktijk</translation>
    </message>
    <message>
      <source>define at least one indicator</source>
      <translation>leg ten minste één indicator vast</translation>
    </message>
    <message>
      <source>set the baseline and after periods</source>
      <translation>leg de nulmeting en de periode erna vast</translation>
    </message>
    <message>
      <source>measure the effect</source>
      <translation>meet het effect</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Terug</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>Volgende</translation>
    </message>
    <message>
      <source>Dossier</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <source>New dossier</source>
      <translation>Nieuw dossier</translation>
    </message>
    <message>
      <source>Export report as HTML…</source>
      <translation>Rapport exporteren als HTML…</translation>
    </message>
    <message>
      <source>Export report as PDF…</source>
      <translation>Rapport exporteren als PDF…</translation>
    </message>
    <message>
      <source>Replace the dossier of this project by an empty one?</source>
      <translation>Het dossier van dit project vervangen door een leeg dossier?</translation>
    </message>
    <message>
      <source>Export the dossier</source>
      <translation>Dossier exporteren</translation>
    </message>
    <message>
      <source>Complete</source>
      <translation>Compleet</translation>
    </message>
    <message>
      <source>{} checklist items are open or in progress</source>
      <translation>{} checklistpunten staan open of zijn bezig</translation>
    </message>
    <message>
      <source>Done; the results are linked in the dossier.</source>
      <translation>Klaar; de resultaten zijn gekoppeld in het dossier.</translation>
    </message>
    <message>
      <source>Report written to {}</source>
      <translation>Rapport geschreven naar {}</translation>
    </message>
    <message>
      <source>Not saved in the project yet: {}</source>
      <translation>Nog niet in het project opgeslagen: {}</translation>
    </message>
    <message>
      <source>The dossier in this project cannot be read: {}</source>
      <translation>Het dossier in dit project kan niet worden gelezen: {}</translation>
    </message>
    <message>
      <source>To do: {}</source>
      <translation>Nog te doen: {}</translation>
    </message>
    <message>
      <source>No incidents of the chosen categories in the chosen period; widen the selection in step 2.</source>
      <translation>Geen incidenten van de gekozen categorieën in de gekozen periode; maak de selectie in stap 2 ruimer.</translation>
    </message>
    <message>
      <source>Choose the incident layer in step 2.</source>
      <translation>Kies de incidentenlaag in stap 2.</translation>
    </message>
    <message>
      <source>Choose the area in step 1 (the area layer is not in the project).</source>
      <translation>Kies het gebied in stap 1 (de gebiedslaag staat niet in het project).</translation>
    </message>
    <message>
      <source>Choose the area in step 1.</source>
      <translation>Kies het gebied in stap 1.</translation>
    </message>
    <message>
      <source>The area is no longer in the layer '{}'; choose it again in step 1.</source>
      <translation>Het gebied staat niet meer in de laag '{}'; kies het opnieuw in stap 1.</translation>
    </message>
    <message>
      <source>Measure the effect</source>
      <translation>Effect meten</translation>
    </message>
    <message>
      <source>Indicators</source>
      <translation>Indicatoren</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Naam</translation>
    </message>
    <message>
      <source>Definition</source>
      <translation>Definitie</translation>
    </message>
    <message>
      <source>Baseline</source>
      <translation>Nulmeting</translation>
    </message>
    <message>
      <source>Target value</source>
      <translation>Streefwaarde</translation>
    </message>
    <message>
      <source>After</source>
      <translation>Na</translation>
    </message>
    <message>
      <source>Before (baseline)</source>
      <translation>Voor (nulmeting)</translation>
    </message>
    <message>
      <source>Target area</source>
      <translation>Doelgebied</translation>
    </message>
    <message>
      <source>Buffer area</source>
      <translation>Bufferzone</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>Conclusie</translation>
    </message>
    <message>
      <source>Control (target)</source>
      <translation>Controle (doelgebied)</translation>
    </message>
    <message>
      <source>Control (buffer)</source>
      <translation>Controle (bufferzone)</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Voor</translation>
    </message>
    <message>
      <source>The algorithm {} is not available.</source>
      <translation>Het algoritme {} is niet beschikbaar.</translation>
    </message>
    <message>
      <source>Search the Library</source>
      <translation>Zoeken in de Bibliotheek</translation>
    </message>
    <message>
      <source>Any approach</source>
      <translation>Elke aanpak</translation>
    </message>
    <message>
      <source>Why this practice fits here (rationale)</source>
      <translation>Waarom deze praktijk hier past (onderbouwing)</translation>
    </message>
    <message>
      <source>This practice is not in the Library (any more); its rationale is kept.</source>
      <translation>Deze praktijk staat (niet meer) in de Bibliotheek; de onderbouwing blijft bewaard.</translation>
    </message>
    <message>
      <source>Choose the problem in step 1 to see matching practices.</source>
      <translation>Kies het probleem in stap 1 om passende praktijken te zien.</translation>
    </message>
    <message>
      <source>No practice in the Library matches; loosen the filters.</source>
      <translation>Geen praktijk in de Bibliotheek past; maak de filters ruimer.</translation>
    </message>
    <message>
      <source>Check the practice to choose it, then say why it fits.</source>
      <translation>Vink de praktijk aan om hem te kiezen en geef dan aan waarom hij past.</translation>
    </message>
    <message>
      <source>At least: {}</source>
      <translation>Ten minste: {}</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Eigenaar</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Add own item…</source>
      <translation>Eigen punt toevoegen…</translation>
    </message>
    <message>
      <source>Own checklist item</source>
      <translation>Eigen checklistpunt</translation>
    </message>
    <message>
      <source>Question or task</source>
      <translation>Vraag of taak</translation>
    </message>
    <message>
      <source>Checklist item</source>
      <translation>Checklistpunt</translation>
    </message>
    <message>
      <source>Select an item to plan it.</source>
      <translation>Selecteer een punt om het te plannen.</translation>
    </message>
    <message>
      <source>Objectives</source>
      <translation>Doelen</translation>
    </message>
    <message>
      <source>Stakeholders</source>
      <translation>Betrokken partijen</translation>
    </message>
    <message>
      <source>all</source>
      <translation>alle</translation>
    </message>
    <message>
      <source>Effect</source>
      <translation>Effect</translation>
    </message>
    <message>
      <source>None stated yet.</source>
      <translation>Nog niets opgegeven.</translation>
    </message>
    <message>
      <source>None named yet.</source>
      <translation>Nog niemand genoemd.</translation>
    </message>
    <message>
      <source>The analysis has not been run yet.</source>
      <translation>De analyse is nog niet uitgevoerd.</translation>
    </message>
    <message>
      <source>None written yet.</source>
      <translation>Nog niets geschreven.</translation>
    </message>
    <message>
      <source>No practice chosen yet.</source>
      <translation>Nog geen praktijk gekozen.</translation>
    </message>
    <message>
      <source>None defined yet.</source>
      <translation>Nog niets vastgelegd.</translation>
    </message>
    <message>
      <source>The effect has not been measured yet.</source>
      <translation>Het effect is nog niet gemeten.</translation>
    </message>
    <message>
      <source>Counts used for WDQ and WDD</source>
      <translation>Aantallen gebruikt voor WDQ en WDD</translation>
    </message>
    <message>
      <source>Policy dossier: {}</source>
      <translation>Beleidsdossier: {}</translation>
    </message>
    <message>
      <source>untitled</source>
      <translation>zonder titel</translation>
    </message>
    <message>
      <source>Created {}, last changed {}. Written with BESECURE for QGIS.</source>
      <translation>Gemaakt op {}, laatst gewijzigd op {}. Geschreven met BESECURE voor QGIS.</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rol</translation>
    </message>
    <message>
      <source>Interest</source>
      <translation>Belang</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Resultaat</translation>
    </message>
    <message>
      <source>Algorithm</source>
      <translation>Algoritme</translation>
    </message>
    <message>
      <source>Run</source>
      <translation>Uitgevoerd</translation>
    </message>
    <message>
      <source>This practice is not in the Library (any more).</source>
      <translation>Deze praktijk staat (niet meer) in de Bibliotheek.</translation>
    </message>
    <message>
      <source>Incidents before and after</source>
      <translation>Incidenten voor en na</translation>
    </message>
    <message>
      <source>Measure</source>
      <translation>Maat</translation>
    </message>
    <message>
      <source>Rationale: {}</source>
      <translation>Onderbouwing: {}</translation>
    </message>
    <message>
      <source>WDD standard error</source>
      <translation>Standaardfout van de WDD</translation>
    </message>
    <message>
      <source>95 % interval</source>
      <translation>95 %-interval</translation>
    </message>
    <message>
      <source>{}: the result layer is no longer in the project.</source>
      <translation>{}: de resultaatlaag staat niet meer in het project.</translation>
    </message>
    <message>
      <source>Incidents per weekday and hour</source>
      <translation>Incidenten per weekdag en uur</translation>
    </message>
    <message>
      <source>Incidents per cell</source>
      <translation>Incidenten per cel</translation>
    </message>
    <message>
      <source>Give the before and after periods (YYYY-MM-DD) in step 5.</source>
      <translation>Geef de periodes voor en na (JJJJ-MM-DD) in stap 5.</translation>
    </message>
    <message>
      <source>Choose the date/time field of the incidents in step 2.</source>
      <translation>Kies het datum/tijdveld van de incidenten in stap 2.</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>geannuleerd</translation>
    </message>
    <message>
      <source>the output table could not be opened</source>
      <translation>de uitvoertabel kon niet worden geopend</translation>
    </message>
    <message>
      <source>Choose the target, buffer and control area layers in step 5.</source>
      <translation>Kies de lagen met doelgebied, bufferzone en controlegebied in stap 5.</translation>
    </message>
    <message>
      <source>Running: {}…</source>
      <translation>Bezig: {}…</translation>
    </message>
    <message>
      <source>{} incidents in {} cells of {} m; the busiest cell has {}.</source>
      <translation>{} incidenten in {} cellen van {} m; de drukste cel heeft er {}.</translation>
    </message>
    <message>
      <source>{} cells are hot spots and {} are cold spots (90 % confidence or more, Gi*).</source>
      <translation>{} cellen zijn hotspots en {} zijn coldspots (90 % betrouwbaarheid of meer, Gi*).</translation>
    </message>
    <message>
      <source>Busiest hour: {} {}:00 ({} incidents over the period).</source>
      <translation>Drukste uur: {} {}:00 ({} incidenten over de hele periode).</translation>
    </message>
    <message>
      <source>{} failed: {}</source>
      <translation>{} is mislukt: {}</translation>
    </message>
    <message>
      <source>{} finished, but its result could not be read: {}</source>
      <translation>{} is klaar, maar het resultaat kon niet worden gelezen: {}</translation>
    </message>
    <message>
      <source>e.g. Burglary in the east</source>
      <translation>bijv. Woninginbraak in Oost</translation>
    </message>
    <message>
      <source>Area layer</source>
      <translation>Gebiedslaag</translation>
    </message>
    <message>
      <source>From selection</source>
      <translation>Uit selectie</translation>
    </message>
    <message>
      <source>Use the feature selected on the map</source>
      <translation>Gebruik het object dat op de kaart is geselecteerd</translation>
    </message>
    <message>
      <source>Problem (priorities of the integral security plan)</source>
      <translation>Probleem (prioriteiten uit het integraal veiligheidsplan)</translation>
    </message>
    <message>
      <source>Core values at stake</source>
      <translation>Kernwaarden die op het spel staan</translation>
    </message>
    <message>
      <source>Objectives (one per line)</source>
      <translation>Doelen (één per regel)</translation>
    </message>
    <message>
      <source>Stakeholders and their roles</source>
      <translation>Betrokken partijen en hun rollen</translation>
    </message>
    <message>
      <source>Select the area on the map first (one feature of the area layer).</source>
      <translation>Selecteer eerst het gebied op de kaart (één object van de gebiedslaag).</translation>
    </message>
    <message>
      <source>No rule set '{}'. Bundled rule sets: {}; or give a path to a JSON file.</source>
      <translation>Geen regelset '{}'. Meegeleverde regelsets: {}; of geef het pad naar een JSON-bestand.</translation>
    </message>
    <message>
      <source>Rule set {} is not valid JSON: {}</source>
      <translation>Regelset {} is geen geldige JSON: {}</translation>
    </message>
    <message>
      <source>Run-up v = sqrt(v0² + 2 a s), capped in bends by the friction circle v = sqrt(f g r) and by MAX_SPEED; kinetic energy E = ½ m v² (7,500 kg at 64 km/h = 1,185 kJ). The fastest approach over the whole network is found by a Bellman-type fixed point over the directed edges (analysis/network.py). A barrier is adequate when its test vehicle is of the same or a heavier class, and its test speed and test energy are at least the impact's (analysis/vehicle.py). Vehicle classes, accelerations and width classes are in the editable rule set knowledge/rulesets/vehicles.json.</source>
      <translation>Aanloop v = sqrt(v0² + 2 a s), in bochten begrensd door de wrijvingscirkel v = sqrt(f g r) en door MAX_SPEED; bewegingsenergie E = ½ m v² (7.500 kg bij 64 km/u = 1.185 kJ). De snelste nadering over het hele netwerk wordt gevonden als vast punt van een Bellman-achtige recursie over de gerichte lijnstukken (analysis/network.py). Een barrière is toereikend als haar testvoertuig van dezelfde of een zwaardere klasse is en haar testsnelheid en testenergie minstens die van de aanrijding zijn (analysis/vehicle.py). Voertuigklassen, versnellingen en breedteklassen staan in de bewerkbare regelset knowledge/rulesets/vehicles.json.</translation>
    </message>
    <message>
      <source>Camera '{}' (feature {}) {}; {} camera(s) like this. Fill in the field or fix the value.</source>
      <translation>Camera '{}' (object {}) {}; {} camera('s) zoals deze. Vul het veld in of herstel de waarde.</translation>
    </message>
    <message>
      <source>Emerging hot spot analysis needs at least {} time steps for the trend test ({} or more are advisable); the incidents from {} to {} fill only {} {}ly step(s). Choose weekly steps or a longer period.</source>
      <translation>Analyse van opkomende hotspots heeft ten minste {} tijdstappen nodig voor de trendtoets ({} of meer is aan te raden); de incidenten van {} tot {} vullen maar {} {}ly stap(pen). Kies wekelijkse stappen of een langere periode.</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>Bewijs</translation>
    </message>
    <message>
      <source>Evidence ({}): {}</source>
      <translation>Bewijs ({}): {}</translation>
    </message>
    <message>
      <source>Optional date/time field, needed for START and END.</source>
      <translation>Optioneel datum/tijdveld, nodig voor START en END.</translation>
    </message>
    <message>
      <source>Path ends and junctions closer than this many metres are joined (default 0.5 m).</source>
      <translation>Paduiteinden en kruisingen die dichter dan zoveel meter bij elkaar liggen worden verbonden (standaard 0,5 m).</translation>
    </message>
    <message>
      <source>Cells with cell_id, pattern (e.g. 'New Hot Spot'), pattern_code (1 new, 2 consecutive, 3 intensifying, 4 persistent, 5 diminishing, 6 sporadic, 7 oscillating, 8 historical; negative for cold spots; 0 no pattern), count (incidents in the period), n_hot and n_cold (significant hot / cold steps), last_z and last_p (final step), trend_tau, trend_z and trend_p (Mann-Kendall trend of the z-scores). Styled by pattern: reds hot, blues cold, grey none.</source>
      <translation>Cellen met cell_id, pattern (bijv. 'New Hot Spot'), pattern_code (1 nieuw, 2 opeenvolgend, 3 toenemend, 4 aanhoudend, 5 afnemend, 6 sporadisch, 7 wisselend, 8 historisch; negatief voor coldspots; 0 geen patroon), count (incidenten in de periode), n_hot en n_cold (significant hete / koude stappen), last_z en last_p (laatste stap), trend_tau, trend_z en trend_p (Mann-Kendall-trend van de z-scores). Opgemaakt per patroon: rood heet, blauw koud, grijs geen.</translation>
    </message>
    <message>
      <source>Space-time Gi* (Getis &amp; Ord 1992, Ord &amp; Getis 1995): a bin's neighbourhood is its cell and the cells within NEIGHBOURS rings, at its own and TIME_LAG earlier steps (binary weights); mean and variance of the whole cube (ArcGIS's 'entire cube' window). Trend: Mann-Kendall on each cell's z-scores (as R Kendall::MannKendall). Patterns: the 17 rules of R package sfdep (emerging_hotspot_analysis), in its order; significant means p &lt;= ALPHA. At least 4 time steps are needed, 10 or more are advisable.</source>
      <translation>Ruimte-tijd-Gi* (Getis &amp; Ord 1992, Ord &amp; Getis 1995): de omgeving van een vak is zijn cel en de cellen binnen NEIGHBOURS ringen, in zijn eigen stap en TIME_LAG eerdere stappen (binaire gewichten); gemiddelde en variantie van de hele kubus (het 'entire cube'-venster van ArcGIS). Trend: Mann-Kendall op de z-scores van elke cel (zoals R Kendall::MannKendall). Patronen: de 17 regels van het R-pakket sfdep (emerging_hotspot_analysis), in zijn volgorde; significant betekent p &lt;= ALPHA. Er zijn minstens 4 tijdstappen nodig, 10 of meer zijn aan te raden.</translation>
    </message>
    <message>
      <source>How the bandwidth is chosen when BANDWIDTH is 0: 0 fixed (needs BANDWIDTH &gt; 0), 1 Silverman's rule of thumb (default; robust to outliers), 2 Scott's rule, 3 likelihood cross-validation (data-driven; slower, on a random subsample of 3,000 incidents for larger layers).</source>
      <translation>Hoe de bandbreedte wordt gekozen als BANDWIDTH 0 is: 0 vast (vereist BANDWIDTH &gt; 0), 1 vuistregel van Silverman (standaard; robuust voor uitschieters), 2 regel van Scott, 3 likelihood-kruisvalidatie (datagedreven; trager, voor grotere lagen op een willekeurige steekproef van 3.000 incidenten).</translation>
    </message>
    <message>
      <source>GeoTIFF (float32) in the working CRS: events per km² at each cell centre (weights per km² with WEIGHT_FIELD), or incidents per 1,000 residents with a population; nodata outside the study area and, for a dual KDE, where too few people live. Styled with a colour ramp whose zero is transparent (a .qml beside the file).</source>
      <translation>GeoTIFF (float32) in het werk-CRS: gebeurtenissen per km² in elk celmiddelpunt (gewichten per km² met WEIGHT_FIELD), of incidenten per 1.000 inwoners met een bevolking; nodata buiten het studiegebied en, bij een duale KDE, waar te weinig mensen wonen. Gestileerd met een kleurverloop waarvan nul transparant is (een .qml naast het bestand).</translation>
    </message>
    <message>
      <source>Kernel density estimation (Silverman 1986) with kernels normalised to integrate to 1 (Wand &amp; Jones 1995), evaluated at cell centres; the raster's sum times the cell area equals the incidents' total weight inside the extent (logged as a check). Bandwidths: Silverman (1986) and Scott (1992) normal-reference rules converted to each kernel by canonical bandwidths (Marron &amp; Nolan 1988); likelihood cross-validation (Silverman 1986, 3.4.4). Fast mode: linear binning and FFT convolution (Wand 1994). Edge correction: Diggle (1985). Dual KDE: the ratio of two kernel densities with the same kernel and bandwidth. Unlike QGIS's Heatmap, distances are in metres whatever the layer's CRS and the values are densities, not unscaled kernel sums.</source>
      <translation>Kerneldichtheidsschatting (Silverman 1986) met kernels die genormaliseerd zijn om tot 1 te integreren (Wand &amp; Jones 1995), berekend in de celmiddelpunten; de som van het raster maal de celoppervlakte is gelijk aan het totale gewicht van de incidenten binnen de omvang (als controle gelogd). Bandbreedtes: de normaal-referentieregels van Silverman (1986) en Scott (1992), omgerekend naar elke kernel met canonieke bandbreedtes (Marron &amp; Nolan 1988); likelihood-kruisvalidatie (Silverman 1986, 3.4.4). Snelle modus: lineaire binning en FFT-convolutie (Wand 1994). Randcorrectie: Diggle (1985). Duale KDE: de verhouding van twee kerneldichtheden met dezelfde kernel en bandbreedte. Anders dan bij de Heatmap van QGIS zijn afstanden in meters, wat het CRS van de laag ook is, en zijn de waarden dichtheden, geen ongeschaalde kernelsommen.</translation>
    </message>
    <message>
      <source>Width in metres of line paths without a width field (default 2 m).</source>
      <translation>Breedte in meters van lijnpaden zonder breedteveld (standaard 2 m).</translation>
    </message>
    <message>
      <source>First period (before), dates inclusive (YYYY-MM-DD).</source>
      <translation>Eerste periode (voor), datums inclusief (JJJJ-MM-DD).</translation>
    </message>
    <message>
      <source>Second period (after), dates inclusive.</source>
      <translation>Tweede periode (na), datums inclusief.</translation>
    </message>
    <message>
      <source>Polygons with count_a, count_b, diff (b - a), pct_change (null when a = 0), poisson_z and trend.</source>
      <translation>Polygonen met count_a, count_b, diff (b - a), pct_change (leeg als a = 0), poisson_z en trend.</translation>
    </message>
    <message>
      <source>Poisson z = 2 (sqrt(b) - sqrt(a)) (variance-stabilised difference of two counts); |z| &gt;= 1.96 is labelled a significant increase or decrease (5 % level, two-sided). Use periods of equal length.</source>
      <translation>Poisson-z = 2 (wortel(b) - wortel(a)) (variantiestabiliserend verschil van twee aantallen); |z| &gt;= 1,96 heet een significante stijging of daling (5 %-niveau, tweezijdig). Gebruik perioden van gelijke lengte.</translation>
    </message>
    <message>
      <source>Red units rose, blue ones fell, beyond what random variation of the counts would give; 4 -&gt; 9 incidents gives z = 2.0, just significant.</source>
      <translation>Rode eenheden stegen, blauwe daalden, meer dan toevallige schommeling zou geven; 4 -&gt; 9 incidenten geeft z = 2,0, net significant.</translation>
    </message>
    <message>
      <source>Line ends and junctions closer than this many metres are joined (default 0.5 m).</source>
      <translation>Lijnuiteinden en kruisingen die dichter dan zoveel meter bij elkaar liggen worden verbonden (standaard 0,5 m).</translation>
    </message>
    <message>
      <source>Distance band in metres (NEIGHBOURS 2). 0 = automatic: the smallest distance that gives every feature at least one neighbour, stated in the log.</source>
      <translation>Afstandsband in meters (NEIGHBOURS 2). 0 = automatisch: de kleinste afstand waarbij elk object minstens één buur heeft, vermeld in het logboek.</translation>
    </message>
    <message>
      <source>Number of nearest neighbours (NEIGHBOURS 3); default 8.</source>
      <translation>Aantal dichtstbijzijnde buren (NEIGHBOURS 3); standaard 8.</translation>
    </message>
    <message>
      <source>Poisson z = 2 (√now − √before); |z| ≥ 1.96 is significant (5 %): {}.</source>
      <translation>Poisson-z = 2 (√nu − √ervoor); |z| ≥ 1,96 is significant (5 %): {}.</translation>
    </message>
    <message>
      <source>Contiguity: polygon vertices closer than {:.3g} {} count as shared.</source>
      <translation>Aangrenzing: hoekpunten van polygonen die dichter dan {:.3g} {} bij elkaar liggen, gelden als gedeeld.</translation>
    </message>
    <message>
      <source>Writes a small synthetic town (4 km x 3 km, Dutch RD New CRS) to a GeoPackage, to try every BESECURE tool without real data: neighbourhoods with population, streets, buildings, street lamps, a pedestrian zone and two years (2023-2024) of incidents in six categories, with a few planted patterns.</source>
      <translation>Schrijft een kleine verzonnen stad (4 km x 3 km, RD New) naar een GeoPackage om elk BESECURE-instrument zonder echte gegevens te proberen: buurten met bevolking, straten, gebouwen, lantaarnpalen, een voetgangersgebied en twee jaar (2023-2024) incidenten in zes categorieën, met enkele ingebouwde patronen.</translation>
    </message>
    <message>
      <source>GeoPackage with the layers neighbourhoods, streets, buildings, street_lamps, pedestrian_zone, incidents (category, occurred, window_from, window_to for burglaries) and ground_truth.</source>
      <translation>GeoPackage met de lagen neighbourhoods, streets, buildings, street_lamps, pedestrian_zone, incidents (category, occurred, window_from, window_to voor inbraken) en ground_truth.</translation>
    </message>
    <message>
      <source>Planted ground truth: a station hot spot (bicycle theft, robbery), a nightlife hot spot (violence on Friday/Saturday nights), an east neighbourhood with 9x the burglary rate and near-repeat chains, a park-and-ride where vehicle crime starts in 2024, and a street without lamps. See the ground_truth layer.</source>
      <translation>Ingebouwde patronen: een hotspot bij het station (fietsdiefstal, straatroof), een uitgaanshotspot (geweld in vrijdag- en zaterdagnachten), een oostelijke buurt met 9x zoveel inbraken en near-repeatreeksen, een P+R waar voertuigcriminaliteit in 2024 begint, en een straat zonder lantaarns. Zie de laag ground_truth.</translation>
    </message>
    <message>
      <source>A period (START/END) needs TIME_FIELD, the field with the incident date.</source>
      <translation>Een periode (START/END) heeft TIME_FIELD nodig, het veld met de datum van het incident.</translation>
    </message>
    <message>
      <source>Cannot create the raster file {}; check the folder exists and is writable.</source>
      <translation>Het rasterbestand {} kan niet worden aangemaakt; controleer of de map bestaat en beschrijfbaar is.</translation>
    </message>
    <message>
      <source>The fixed bandwidth method needs BANDWIDTH &gt; 0 metres; give a bandwidth, or choose Silverman's rule, Scott's rule or likelihood cross-validation.</source>
      <translation>De methode met vaste bandbreedte vraagt BANDWIDTH &gt; 0 meter; geef een bandbreedte, of kies de regel van Silverman, de regel van Scott of likelihood-kruisvalidatie.</translation>
    </message>
  </context>
</TS>
