// leaflet.markercluster extends the global L: give it the bundled Leaflet.
import L from 'leaflet';

window.L = L;
export default L;
