import type { Rng } from './random.js';

/** Characters for place names: the first and second character of a two-character stem. */
const PLACE_FIRST = [...'云岭江海梅韶清河潮揭汕丰兴宁华罗连英翁龙仁怀南东西北新安平康泰永德宝金阳茂廉信化'];
const PLACE_SECOND = [...'岭江海州山阳川源浦城门安平丰宁华远兴庆昌南口湖溪河水林田'];
const STREET_FIRST = [...'东西南北中城新人华文建光和金沿江河湖桥站解胜明朝'];
const STREET_SECOND = [...'湖城门山华民兴明平江河安苑园岸塘桥前街关坊湾'];
const VILLAGE_FIRST = [...'上下东西南北大小新旧前后中高长石沙龙凤马牛白黄青金水岭莲竹桃梅榕松禾田安和平福富永兴仁义德联红光三五六塘岗'];
const VILLAGE_SECOND = [...'塘围岗坑头田心岭山湖溪洞坪坝江洲口尾坡园圩埔朗寮屋边背湾涌沙冈墩陂堡美丰光安和华联新寨楼桥'];
const FIRM_FIRST = [...'正信德诚明法安和华天卓建泰恒君合大中金鼎瑞立仁道公方博达同远胜众广南粤海星宏国润'];
const FIRM_SECOND = [...'平信诚明理衡正和泰达商盛道义源航越鼎成海阳勤智'];

/** Common Guangdong surnames, most frequent first, with rough weights. */
const SURNAMES = [...'陈李黄张梁林刘吴罗杨郑何谢王周曾邓许钟叶冯蔡赖彭苏潘卢朱余邱温郭谭廖胡方'];
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => 1 / (i + 3));
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂文华辉红建志国俊婷斌雪琳晓海鹏宇浩健欣嘉颖思梓铭泽锦荣耀展翔诗玉佳慧'];

function stem(rng: Rng, first: readonly string[], second: readonly string[]): string {
  const a = rng.pick(first);
  let b = rng.pick(second);
  while (b === a) b = rng.pick(second);
  return a + b;
}

/**
 * Names unique within one parent (villages of a town, towns of a county…): draws until a
 * fresh one comes up; after many misses, a three-character stem keeps the loop short.
 */
export class NameBook {
  private readonly used = new Set<string>();

  take(rng: Rng, make: (long: boolean) => string): string {
    for (let i = 0; i < 200; i++) {
      const name = make(i >= 40);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    throw new Error('name space exhausted'); // 200 misses cannot happen with the lists above
  }

  reserve(name: string): void {
    this.used.add(name);
  }
}

function maybeLong(rng: Rng, long: boolean, first: readonly string[], second: readonly string[]): string {
  return long ? rng.pick(first) + stem(rng, first, second) : stem(rng, first, second);
}

export function cityStem(rng: Rng, long: boolean): string {
  return maybeLong(rng, long, PLACE_FIRST, PLACE_SECOND);
}

export type CountyKind = 'district' | 'county' | 'county-city';
const COUNTY_SUFFIX: Record<CountyKind, string> = { district: '区', county: '县', 'county-city': '市' };

export function countyName(rng: Rng, kind: CountyKind, long: boolean): string {
  const s = kind === 'district' && rng.chance(0.5) ? maybeLong(rng, long, STREET_FIRST, STREET_SECOND) : maybeLong(rng, long, PLACE_FIRST, PLACE_SECOND);
  return s + COUNTY_SUFFIX[kind];
}

export type TownKind = 'street' | 'town' | 'township';
const TOWN_SUFFIX: Record<TownKind, string> = { street: '街道', town: '镇', township: '乡' };

export function townName(rng: Rng, kind: TownKind, long: boolean): string {
  const s = kind === 'street' ? maybeLong(rng, long, STREET_FIRST, STREET_SECOND) : maybeLong(rng, long, VILLAGE_FIRST, PLACE_SECOND);
  return s + TOWN_SUFFIX[kind];
}

export function villageName(rng: Rng, kind: 'village' | 'community', long: boolean): string {
  const s = kind === 'community' && rng.chance(0.4) ? maybeLong(rng, long, STREET_FIRST, STREET_SECOND) : maybeLong(rng, long, VILLAGE_FIRST, VILLAGE_SECOND);
  return s + (kind === 'community' ? '社区' : '村');
}

/** "广东正平律师事务所" or, for some, the city's stem in place of the province: "云岭正平律师事务所". */
export function firmName(rng: Rng, cityStemText: string, long: boolean): string {
  const prefix = rng.chance(0.55) ? '广东' : cityStemText;
  return `${prefix}${maybeLong(rng, long, FIRM_FIRST, FIRM_SECOND)}律师事务所`;
}

/** A surname and a one- or two-character given name. */
export function personName(rng: Rng): string {
  const surname = rng.weighted(SURNAMES, SURNAME_WEIGHTS);
  return surname + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : '');
}
