"""Writes corpus.json: question phrasings with the expected parse and the expected answer on the synthetic
tabletop's 640x480 ground truth. Expected values are computed here, from the ground-truth JSON alone (not by the
TypeScript under test). Run: python3 tests/engine/questions/makeCorpus.py"""
import json, math, os

HERE = os.path.dirname(os.path.abspath(__file__))
gt = json.load(open(os.path.join(HERE, '../../fixtures/synthetic-tabletop/scene_640x480_gt.json')))
O = {}
for o in gt['objects']:
    s = o['size_m']
    w = s.get('diameter', s.get('width')); d = s.get('diameter', s.get('depth')); h = s['height']
    O[o['name']] = dict(w=w, d=d, h=h, c=o['centre_world'], cam=o['centre_camera'])
names = list(O)
cam = lambda n: math.sqrt(sum(x * x for x in O[n]['cam']))
pd = lambda a, b: math.dist(O[a]['c'], O[b]['c'])
bottom = lambda n: O[n]['c'][2] - O[n]['h'] / 2
top = lambda n: O[n]['c'][2] + O[n]['h'] / 2
length = lambda n: max(O[n]['w'], O[n]['d'])
vol = lambda n: O[n]['w'] * O[n]['d'] * O[n]['h']
UNIT = {'in': 0.0254, 'ft': 0.3048, 'cm': 0.01, 'mm': 0.001, 'm': 1}
C = []

def add(q, parse, kind, value, asked=None):
    e = {'q': q, 'parse': parse, 'kind': kind, 'value': value}
    if asked:
        e['askedUnit'] = asked
        e['textHas'] = f"{float(f'{value / UNIT[asked]:.2f}'):g} {asked}"
    C.append(e)

# distance from the camera
for n in names:
    t = f'the {n}'
    for q in [f'how far away is {t}', f'how far is {t} from the camera', f'how far is {t} from me',
              f'what is the distance to {t}', f'how far from the camera is {t}', f'How far is {t} from the robot?']:
        add(q, {'op': 'pair', 'quantity': 'distance'}, 'camera_distance', cam(n))
    add(f'how far away is {t} in inches', {'op': 'pair', 'unit': 'in'}, 'camera_distance', cam(n), 'in')
# elevation above the support surface
for n in names:
    t = f'the {n}'
    for q, lv in [(f'how high is {t} above the floor', 'bottom'), (f'how high is {t} above the table', 'bottom'),
                  (f'how far above the table is {t}', 'bottom'), (f'what is the elevation of {t}', 'bottom'),
                  (f'how high is the top of {t} above the table', 'top'),
                  (f'how high above the floor is the top of {t}', 'top'),
                  (f'what is the height of the top of {t} above the floor', 'top')]:
        add(q, {'op': 'elevation', 'level': lv}, 'elevation', bottom(n) if lv == 'bottom' else top(n))
# length and sizes in units
for n in names:
    t = f'the {n}'
    for q in [f'how long is {t}', f'what is the length of {t}', f"what is the {n}'s length"]:
        add(q, {'op': 'size', 'quantity': 'length'}, 'length', length(n))
    add(f'how long is {t} in cm', {'op': 'size', 'quantity': 'length', 'unit': 'cm'}, 'length', length(n), 'cm')
    add(f'how tall is {t} in inches', {'op': 'size', 'quantity': 'height', 'unit': 'in'}, 'height', O[n]['h'], 'in')
    add(f'how wide is {t} in mm', {'op': 'size', 'quantity': 'width', 'unit': 'mm'}, 'width', O[n]['w'], 'mm')
    add(f'how many centimeters tall is {t}', {'op': 'size', 'quantity': 'height', 'unit': 'cm'}, 'height', O[n]['h'], 'cm')
    add(f'what is the height of {t} in feet', {'op': 'size', 'quantity': 'height', 'unit': 'ft'}, 'height', O[n]['h'], 'ft')
# counting
left_of = lambda r: [n for n in names if n != r and O[n]['c'][0] < O[r]['c'][0]]
right_of = lambda r: [n for n in names if n != r and O[n]['c'][0] > O[r]['c'][0]]
behind = lambda r: [n for n in names if n != r and O[n]['c'][1] > O[r]['c'][1]]
front = lambda r: [n for n in names if n != r and O[n]['c'][1] < O[r]['c'][1]]
boxes = [n for n in names if n.startswith('box')]
on_plane = [n for n in names if bottom(n) <= 0.03]
for q, v, rel in [('how many boxes are there', len(boxes), None), ('count the boxes', len(boxes), None),
                  ('what is the number of boxes', len(boxes), None), ('how many objects are there', len(names), None),
                  ('how many things do you see', len(names), None), ('how many chairs are there', 0, None),
                  ('how many cans are there', 1, None), ('how many bottles can you see', 1, None),
                  ('how many objects are on the table', len(on_plane), 'on'),
                  ('how many items are on the floor', len(on_plane), 'on'),
                  ('how many things are left of the mug', len(left_of('mug')), 'left'),
                  ('how many objects are to the right of the laptop', len(right_of('laptop')), 'right'),
                  ('how many things are in front of the bottle', len(front('bottle')), 'front'),
                  ('how many objects are behind the mug', len(behind('mug')), 'behind'),
                  ('how many boxes are to the left of the bottle', len([n for n in boxes if n in left_of('bottle')]), 'left'),
                  ('how many objects are there on the table', len(on_plane), 'on')]:
    add(q, {'op': 'count', 'relation': rel}, 'count', v)
# lists
for q, v, rel in [('what is left of the mug', left_of('mug'), 'left'), ('what is to the right of the laptop', right_of('laptop'), 'right'),
                  ('which objects are behind the mug', behind('mug'), 'behind'), ('what is in front of the laptop', front('laptop'), 'front'),
                  ('what is on the table', on_plane, 'on'), ('which things are to the left of the can', left_of('can'), 'left')]:
    add(q, {'op': 'list', 'relation': rel}, 'list', ', '.join(v))
add('what objects are there', {'op': 'list'}, 'list', ', '.join(names))
add('list all objects', {'op': 'list'}, 'list', ', '.join(names))
# superlatives
arg = lambda f, best: (min if best == 'min' else max)(names, key=f)
for q, f, ext, quant in [('which is closest to the camera', cam, 'min', 'distance'), ('which object is nearest to me', cam, 'min', 'distance'),
                         ('what is the closest object', cam, 'min', 'distance'), ('which is farthest from the camera', cam, 'max', 'distance'),
                         ('which one is the furthest from me', cam, 'max', 'distance'), ('which is the tallest', lambda n: O[n]['h'], 'max', 'height'),
                         ('what is the tallest object', lambda n: O[n]['h'], 'max', 'height'), ('which is the shortest object', lambda n: O[n]['h'], 'min', 'height'),
                         ('which is the biggest', vol, 'max', 'volume'), ('what is the largest object', vol, 'max', 'volume'),
                         ('which is the smallest', vol, 'min', 'volume'), ('which object is widest', lambda n: O[n]['w'], 'max', 'width'),
                         ('which is the leftmost object', lambda n: O[n]['c'][0], 'min', 'left'), ('what is the rightmost object', lambda n: O[n]['c'][0], 'max', 'left'),
                         ('which is the longest object', length, 'max', 'length')]:
    add(q, {'op': 'superlative', 'quantity': quant, 'extreme': ext}, 'superlative', arg(f, ext))
for r in names:
    others = [n for n in names if n != r]
    add(f'which is closest to the {r}', {'op': 'superlative', 'quantity': 'distance', 'extreme': 'min'}, 'superlative', min(others, key=lambda n: pd(n, r)))
    add(f'which object is farthest from the {r}', {'op': 'superlative', 'quantity': 'distance', 'extreme': 'max'}, 'superlative', max(others, key=lambda n: pd(n, r)))
add('which box is tallest', {'op': 'superlative', 'quantity': 'height'}, 'superlative', max(boxes, key=lambda n: O[n]['h']))
add('which box is the closest to the camera', {'op': 'superlative', 'quantity': 'distance'}, 'superlative', min(boxes, key=cam))
# differences
pairs = [('bottle', 'mug'), ('box_tall', 'can'), ('laptop', 'bottle'), ('can', 'box_small'), ('mug', 'laptop')]
for a, b in pairs:
    add(f'how much taller is the {a} than the {b}', {'op': 'difference', 'quantity': 'height', 'asked': 'more'}, 'difference', O[a]['h'] - O[b]['h'])
    add(f'how much shorter is the {a} than the {b}', {'op': 'difference', 'quantity': 'height', 'asked': 'less'}, 'difference', O[b]['h'] - O[a]['h'])
    add(f'how much farther is the {a} than the {b}', {'op': 'difference', 'quantity': 'distance', 'asked': 'more'}, 'difference', cam(a) - cam(b))
    add(f'how much closer to the camera is the {a} than the {b}', {'op': 'difference', 'quantity': 'distance', 'asked': 'less'}, 'difference', cam(b) - cam(a))
    add(f'how much wider is the {a} than the {b}', {'op': 'difference', 'quantity': 'width'}, 'difference', O[a]['w'] - O[b]['w'])
add('by how much is the bottle taller than the can', {'op': 'difference', 'quantity': 'height'}, 'difference', O['bottle']['h'] - O['can']['h'])
add('how much taller is the bottle than the mug in inches', {'op': 'difference', 'unit': 'in'}, 'difference', O['bottle']['h'] - O['mug']['h'], 'in')
# three-place comparisons
triples = [('mug', 'laptop', 'can'), ('bottle', 'can', 'box_small'), ('box_small', 'laptop', 'box_tall'), ('can', 'bottle', 'mug'), ('laptop', 'box_small', 'bottle')]
for a, b, c in triples:
    add(f'is the {a} closer to the {b} than to the {c}', {'op': 'closer_than', 'closer': True, 'compareFrom': 'a'}, 'closer_than', pd(a, b) < pd(a, c))
    add(f'is the {a} farther from the {b} than from the {c}', {'op': 'closer_than', 'closer': False, 'compareFrom': 'a'}, 'farther_than', pd(a, b) > pd(a, c))
    add(f'is the {a} closer to the {b} than the {c} is', {'op': 'closer_than', 'closer': True, 'compareFrom': 'b'}, 'closer_than', pd(a, b) < pd(c, b))
for a, c in [('mug', 'laptop'), ('can', 'bottle'), ('box_small', 'box_tall')]:
    add(f'is the {a} closer to the camera than the {c}', {'op': 'closer_than', 'compareFrom': 'b'}, 'closer_than', cam(a) < cam(c))
# support
for n in names:
    add(f'is the {n} on the table', {'op': 'support'}, 'support', bottom(n) <= 0.03)
    add(f'is the {n} on the floor', {'op': 'support'}, 'support', bottom(n) <= 0.03)
add('is the mug on the laptop', {'op': 'support'}, 'support', False)
add('is the bottle sitting on the table', {'op': 'support'}, 'support', True)
add('does the can rest on the laptop', {'op': 'support'}, 'support', False)
add('is the can on top of the box_small', {'op': 'support'}, 'support', False)
# names people say and descriptors
for q, kind, v in [('how tall is the cup', 'height', O['mug']['h']), ('how far away is the tin', 'camera_distance', cam('can')),
                   ('how wide is the computer', 'width', O['laptop']['w']), ('how tall is the flask', 'height', O['bottle']['h']),
                   ('how tall is the small box', 'height', O['box_small']['h']), ('how tall is the tall box', 'height', O['box_tall']['h']),
                   ('how wide is the left box', 'width', O['box_small']['w']), ('how far is the notebook from the coffee mug', 'distance', pd('laptop', 'mug')),
                   ('how tall is the right box', 'height', O['box_tall']['h']), ('how tall is the biggest box', 'height', O['box_tall']['h'])]:
    add(q, {}, kind, v)
# classic forms with units and everyday wording
for a, b in [('mug', 'laptop'), ('bottle', 'can'), ('box_small', 'box_tall')]:
    add(f'how far is the {a} from the {b} in inches', {'op': 'pair', 'quantity': 'distance', 'unit': 'in'}, 'distance', pd(a, b), 'in')
    add(f'what is the distance between the {a} and the {b} in feet', {'op': 'pair', 'unit': 'ft'}, 'distance', pd(a, b), 'ft')
    add(f'how many cm is the {a} from the {b}', {'op': 'pair', 'unit': 'cm'}, 'distance', pd(a, b), 'cm')
    add(f'distance between the {a} and the {b}, in mm', {'op': 'pair', 'unit': 'mm'}, 'distance', pd(a, b), 'mm')
# horizontal / vertical by modifier, near, existence, relative clauses, the camera's height
def box_gap(a, b):
    # exact for the axis-aligned pairs used below (yaw 0 cylinders only)
    A, B = O[a], O[b]
    dx = max(0, abs(A['c'][0] - B['c'][0]) - (A['w'] + B['w']) / 2)
    dy = max(0, abs(A['c'][1] - B['c'][1]) - (A['d'] + B['d']) / 2)
    dz = max(0, abs(A['c'][2] - B['c'][2]) - (A['h'] + B['h']) / 2)
    return math.sqrt(dx * dx + dy * dy + dz * dz)
hd = lambda a, b: math.dist(O[a]['c'][:2], O[b]['c'][:2])
for a, b in [('mug', 'laptop'), ('bottle', 'can'), ('mug', 'bottle')]:
    add(f'how far is the {a} from the {b} horizontally', {'op': 'pair', 'quantity': 'horizontal_distance'}, 'horizontal_distance', hd(a, b))
    add(f'how far is the {a} from the {b} vertically', {'op': 'pair', 'quantity': 'vertical_distance'}, 'vertical_distance', abs(O[a]['c'][2] - O[b]['c'][2]))
    add(f'how far is the {a} from the {b} in a straight line', {'op': 'pair', 'quantity': 'distance'}, 'distance', pd(a, b))
for a, b in [('mug', 'bottle'), ('bottle', 'can'), ('mug', 'can')]:  # cylinders: yaw-free boxes
    add(f'is the {a} next to the {b}', {'op': 'near'}, 'near', box_gap(a, b) <= 0.15)
    add(f'is the {a} near the {b}', {'op': 'near'}, 'near', box_gap(a, b) <= 0.15)
for q, v in [('is there a chair', False), ('are there any boxes', True), ('is there a mug', True),
             ('are there any boxes on the table', True), ('is there a bottle left of the mug', False),
             ('do you see a laptop', True), ('is there a can to the right of the bottle', O['can']['c'][0] > O['bottle']['c'][0])]:
    add(q, {'op': 'count', 'asksExistence': True}, 'count', v)
add('what is the tallest thing on the table', {'op': 'superlative', 'quantity': 'height'}, 'superlative', max(on_plane, key=lambda n: O[n]['h']))
add('how tall is the box on the left of the mug', {'op': 'size'}, 'height', O[[n for n in boxes if n in left_of('mug')][0]]['h'])
add('how tall is the box right of the mug', {'op': 'size'}, 'height', O[[n for n in boxes if n in right_of('mug')][0]]['h'])
add('how many red objects are there', {'op': 'count'}, 'count', 0)
add('how high is the camera above the table', {'op': 'elevation'}, 'elevation', gt['camera']['t_world_from_camera'][2])
add('how far is the table from me', {'op': 'pair'}, 'elevation', gt['camera']['t_world_from_camera'][2])
add('how much farther is the can from the laptop than from the bottle', {'op': 'distance_difference', 'farther': True}, 'difference', pd('can', 'laptop') - pd('can', 'bottle'))
add('how much closer is the mug to the box_small than to the can', {'op': 'distance_difference', 'farther': False}, 'difference', pd('mug', 'can') - pd('mug', 'box_small'))
# choices among three or more, and "where is X" (clock hour from the camera, 12 = straight ahead)
three = ['mug', 'can', 'bottle']
add('which is taller, the mug, the can or the bottle', {'op': 'superlative', 'amongList': ['the mug', 'the can', 'the bottle']}, 'superlative', max(three, key=lambda n: O[n]['h']))
add('which is the smallest of the mug, the can and the bottle', {'op': 'superlative', 'quantity': 'volume'}, 'superlative', min(three, key=vol))
add('which of the mug, the can and the laptop is closest to the camera', {'op': 'superlative'}, 'superlative', min(['mug', 'can', 'laptop'], key=cam))
add('which is closest to the laptop, the mug, the can or the bottle', {'op': 'superlative', 'reference': 'the laptop'}, 'superlative', min(three, key=lambda n: pd(n, 'laptop')))
add('which is more to the left, the mug, the can or the bottle', {'op': 'superlative', 'quantity': 'left'}, 'superlative', min(three, key=lambda n: O[n]['c'][0]))
camw = gt['camera']['t_world_from_camera']
for n in names:
    ang = math.degrees(math.atan2(O[n]['c'][0] - camw[0], O[n]['c'][1] - camw[1])) % 360
    hour = round(ang / 30) % 12 or 12
    add(f'where is the {n}', {'op': 'locate'}, 'location', hour)
# Operator phrasings, as people type them (not seen while the grammar was written): shorthand, arrows, '&',
# contractions on any word, chat words, typos of grammar words and object names, "or right" alternatives,
# trailing "please" / "?" / "can you tell me", units asked at the end.
D = lambda a, b: {'op': 'pair', 'quantity': 'distance'}
for q, a, b in [("how far's the mug from the laptop", 'mug', 'laptop'), ('distance mug→laptop', 'mug', 'laptop'),
                ('distance mug -> laptop', 'mug', 'laptop'), ('distance mug to laptop', 'mug', 'laptop'),
                ('mug to laptop distance', 'mug', 'laptop'), ('mug and laptop distance', 'mug', 'laptop'),
                ('dist between mug and laptop', 'mug', 'laptop'), ("what's the distance between the mug & the laptop", 'mug', 'laptop'),
                ('whats the distance between the can and bottle pls', 'can', 'bottle'),
                ('can you tell me how far the mug is from the laptop?', 'mug', 'laptop'),
                ('i need the distance between the bottle and the can', 'bottle', 'can'),
                ('How Far Is The Bottle From The Can??', 'bottle', 'can'), ('hey, how far is the can from the bottle?', 'can', 'bottle'),
                ('how far is the mug form the laptop', 'mug', 'laptop'), ('waht is the distance between the bottle and the can', 'bottle', 'can'),
                ('distance bewteen the mug and the laptop', 'mug', 'laptop'), ('how far is teh mug from the laptop', 'mug', 'laptop'),
                ('how far apart r the mug and laptop', 'mug', 'laptop'), ('how far is the mug from the labtop', 'mug', 'laptop'),
                ('could u tell me the distance from the bottle to the can', 'bottle', 'can')]:
    add(q, D(a, b), 'distance', pd(a, b))
for q, a, b, u in [('how far is the mug from the laptop in inches please', 'mug', 'laptop', 'in'),
                   ('how far apart are the mug and laptop in mm please', 'mug', 'laptop', 'mm'),
                   ('what is the distance from the mug to the laptop in feet please', 'mug', 'laptop', 'ft'),
                   ('how many cm between the mug and the laptop', 'mug', 'laptop', 'cm'),
                   ('distance mug→laptop in cm', 'mug', 'laptop', 'cm'),
                   ("how far's the bottle from the can, in inches?", 'bottle', 'can', 'in')]:
    add(q, {'op': 'pair', 'quantity': 'distance', 'unit': u}, 'distance', pd(a, b), u)
G = {'op': 'pair', 'quantity': 'gap'}
for q, a, b in [('whats the gap between the mug and the bottle', 'mug', 'bottle'),
                ("what's the gap between the bottle & the can?", 'bottle', 'can'),
                ('how much space between the mug and the bottle', 'mug', 'bottle'),
                ('pls measure the gap between the bottle and can', 'bottle', 'can'),
                ('waht is the gap between the mug and the can', 'mug', 'can'), ('mug to bottle gap', 'mug', 'bottle')]:
    add(q, G, 'gap', box_gap(a, b))
add('gap between mug and can in inches', {**G, 'unit': 'in'}, 'gap', box_gap('mug', 'can'), 'in')
for q, n in [("how far's the laptop", 'laptop'), ("how far away's the bottle", 'bottle'), ('how far am i from the laptop', 'laptop'),
             ('how far is the mug from here', 'mug')]:
    add(q, {'op': 'pair', 'quantity': 'distance'}, 'camera_distance', cam(n))
add("how far's the can from me in feet", {'op': 'pair', 'unit': 'ft'}, 'camera_distance', cam('can'), 'ft')
for q, quant, n, kind, v in [('mug height?', 'height', 'mug', 'height', O['mug']['h']), ('laptop width?', 'width', 'laptop', 'width', O['laptop']['w']),
                             ("how wide's the laptop", 'width', 'laptop', 'width', O['laptop']['w']),
                             ("how long's the laptop", 'length', 'laptop', 'length', length('laptop')),
                             ("how high's the bottle", 'height', 'bottle', 'height', O['bottle']['h']),
                             ('hwo tall is the bottle', 'height', 'bottle', 'height', O['bottle']['h']),
                             ('how tal is the can', 'height', 'can', 'height', O['can']['h']),
                             ('what is the hieght of the bottle', 'height', 'bottle', 'height', O['bottle']['h']),
                             ('can u tell me how tall the bottle is', 'height', 'bottle', 'height', O['bottle']['h']),
                             ('how tall is the botle', 'height', 'bottle', 'height', O['bottle']['h']),
                             ('whats the widht of the laptop', 'width', 'laptop', 'width', O['laptop']['w'])]:
    add(q, {'op': 'size', 'quantity': quant}, kind, v)
add('bottle height in cm', {'op': 'size', 'quantity': 'height', 'unit': 'cm'}, 'height', O['bottle']['h'], 'cm')
X = lambda n: O[n]['c'][0]
for q, kind, v in [('is the mug to the left of the laptop or right', 'left', X('mug') < X('laptop')),
                   ('is the mug left or right of the laptop', 'left', X('mug') < X('laptop')),
                   ('is the can in front of or behind the bottle', 'front', O['can']['c'][1] < O['bottle']['c'][1]),
                   ('is the mug above or below the laptop', 'above', O['mug']['c'][2] > O['laptop']['c'][2]),
                   ('is the bottle left of the can or not', 'left', X('bottle') < X('can')),
                   ('is the box_small on the left or right of the mug', 'left', X('box_small') < X('mug'))]:
    add(q, {'op': 'predicate', 'kind': kind}, kind, v)
closer = lambda a, b: a if cam(a) < cam(b) else b
for q, kind, v in [("which one's closer to the camera, the mug or the bottle", 'close_choice', closer('mug', 'bottle')),
                   ('whats closer to me, mug or laptop', 'close_choice', closer('mug', 'laptop')),
                   ('mug vs laptop: which is bigger', 'big_choice', max(['mug', 'laptop'], key=vol)),
                   ('bottle vs can, which one is taller', 'tall_choice', max(['bottle', 'can'], key=lambda n: O[n]['h'])),
                   ('which is taller - the bottle or the can', 'tall_choice', max(['bottle', 'can'], key=lambda n: O[n]['h'])),
                   ('which is further away, the mug or the can?', 'far_choice', max(['mug', 'can'], key=cam))]:
    add(q, {'op': 'choice', 'kind': kind}, kind, v)
add('whats the tallest thing', {'op': 'superlative', 'quantity': 'height'}, 'superlative', max(names, key=lambda n: O[n]['h']))
add("which one's the biggest", {'op': 'superlative', 'quantity': 'volume'}, 'superlative', max(names, key=vol))
add('which is closest to the camera pls', {'op': 'superlative', 'quantity': 'distance'}, 'superlative', min(names, key=cam))
add('how many objects r there', {'op': 'count'}, 'count', len(names))
add('how many boxes do you see?', {'op': 'count'}, 'count', len(boxes))
add('is there a mug on the table?', {'op': 'count', 'asksExistence': True}, 'count', True)
add('is the mug closer to me than the laptop', {'op': 'closer_than', 'compareFrom': 'b'}, 'closer_than', cam('mug') < cam('laptop'))
ang = math.degrees(math.atan2(O['bottle']['c'][0] - camw[0], O['bottle']['c'][1] - camw[1])) % 360
add("where's the bottle?", {'op': 'locate'}, 'location', round(ang / 30) % 12 or 12)
ang = math.degrees(math.atan2(O['bottle']['c'][0] - O['mug']['c'][0], O['bottle']['c'][1] - O['mug']['c'][1])) % 360
add("where's the bottle relative to the mug", {'op': 'direction'}, 'direction', round(ang / 30) % 12 or 12)
json.dump(C, open(os.path.join(HERE, 'corpus.json'), 'w'), indent=1)
print(len(C), 'phrasings')
