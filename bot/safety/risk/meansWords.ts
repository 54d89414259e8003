/**
 * Means named in a message (for the means-safety line: "put distance between
 * yourself and it") and the risk words — death, harm, means, danger — without
 * which the model alone never raises a message to the crisis tier
 * (hopelessness alone, "ya no aguanto", stays a question however sure the
 * model is; so does the daily medicine: "pills" alone is not a risk word).
 */
import type { Means } from './types';

export const MEANS_WORDS: Readonly<Record<Means, readonly string[]>> = {
  pills: ['pills?', 'meds', 'medications?', 'medicine', 'tablets?', 'xanax', 'bars', 'percs?', 'percocet', 'oxys?', 'oxycodone', 'tylenol', 'advil', 'benzos', 'sleeping pills', 'bottle',
    'pastillas?', 'pastis', 'pildoras', 'medicinas?', 'medicamentos?', 'tabletas', 'clonazepam', 'rivotril', 'alprazolam', 'paracetamol', 'frasco', 'calmantes'],
  gun: ['guns?', 'pistol', 'rifle', 'shotgun', 'firearm', 'revolver', 'pistola', 'arma', 'escopeta'],
  rope: ['rope', 'noose', 'belt', 'cord', 'hang', 'hanging', 'soga', 'cuerda', 'lazo', 'cinturon', 'colgarme', 'ahorcarme'],
  knife: ['knife', 'knives', 'razors?', 'blades?', 'box cutter', 'cuchillos?', 'navajas?', 'rastrillo', 'cuchillas?', 'machete'],
  car: ['car', 'truck', 'train', 'traffic', 'tracks', 'bus', 'carro', 'coche', 'tren', 'camion', 'trafico', 'vias'],
  height: ['bridge', 'roof', 'rooftop', 'building', 'ledge', 'balcony', 'overpass', 'cliff', 'puente', 'techo', 'azotea', 'edificio', 'balcon', 'precipicio'],
  drugs: ['fentanyl', 'fent', 'heroin', 'dope', 'coke', 'cocaine', 'meth', 'crack', 'drugs', 'fentanilo', 'heroina', 'cocaina', 'drogas?', 'cristal', 'perico'],
};

export const RISK_WORDS: readonly string[] = [
  'die', 'dying', 'dead', 'death', 'kill', 'killing', 'killed', 'suicid[a-z]*', 'kms', 'kys', 'unalive[a-z]*', 'end it', 'end my life', 'hurt', 'hurting', 'harm', 'cut', 'cutting', 'cuts',
  'bleed', 'bleeding', 'blood', 'burn', 'burning', 'overdose[a-z]*', 'od', 'gun', 'rope', 'knife', 'razor', 'jump', 'bridge', 'goodbye', 'hit', 'hitting', 'beat', 'choke[a-z]*',
  'breathing', 'threat[a-z]*', 'weapon',
  'morir', 'morirme', 'muerte', 'muert[oa]', 'matar', 'matarme', 'matarse', 'mato', 'mata', 'suicidio', 'lastimar', 'lastimarme', 'cortar', 'cortarme', 'cortes', 'sangre', 'sangrando',
  'sobredosis', 'pistola', 'arma', 'soga', 'cuchillo', 'navaja', 'puente', 'despedida', 'golpe[a-z]*', 'pega', 'pego', 'amenaz[a-z]*', 'respira', 'despierta',
];
