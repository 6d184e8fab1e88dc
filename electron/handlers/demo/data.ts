// The demonstration dataset, transcribed from the public West Midlands PCC papers in shared/seeds.
// "003" is 003_d07614bf914b4afd.txt (Strategic Policing and Crime Board, 5 November 2013: bids to
// the Commissioner's Invest to Save budget); "001" is 001_97ffb4c5714ee640.txt (Police and Crime
// Panel, 9 January 2023). Line numbers point into those files. Money is integer pence; the papers'
// own figures are kept even where their arithmetic is wrong (the app is meant to catch that).
// Summaries and section bodies are condensed in our own words; titles follow the papers.

import type { DemoData } from './types';

export const DEMO: DemoData = {
  notice:
    'This is a demonstration dataset built from public West Midlands Police and Crime Commissioner ' +
    'board papers (2013–2023), not live data.',

  plans: [
    {
      key: 'pcp-2013',
      // 003 line 659 names it "the West Midlands Police and Crime Plan 2013". The papers give no end
      // date; the 2016-20 plan followed (000 line 22), so the default "2013–2017" is kept.
      title: 'West Midlands Police and Crime Plan 2013',
      period: '2013–2017',
      source: '003 lines 701–712, 750–765, 809–814, 865–883, 931–936, 972–987, 1031–1045, 1082–1096',
      // Objectives and sub-objectives as Birmingham's business cases quote them, numbered in order of
      // first appearance and de-duplicated across the eight lists. Only what the cases quote is here:
      // the plan itself is not among the seeds.
      priorities: [
        {
          code: 'O1',
          title: 'Better protecting people from harm',
          children: [
            // Fuller wording from line 753; line 704 quotes it without "by continuing to target them and".
            {
              code: 'O1.1',
              title:
                'Reduce the harm caused by gangs and organised crime by continuing to target them and ' +
                'targeted preventative work to prevent young people from joining gangs',
            },
            {
              code: 'O1.2',
              title: 'Carry out activity to maintain vigilance around child sexual exploitation',
            },
            { code: 'O1.3', title: 'Reduce the harm to vulnerable victims caused by domestic abuse' },
          ],
        },
        {
          code: 'O2',
          title: 'Improving the service the public receive from the police',
          children: [
            {
              code: 'O2.1',
              title: 'Develop strategies to reduce repeat victims of crime and anti-social behaviour',
            },
            { code: 'O2.2', title: 'Increase satisfaction with services provided relating to crimes' },
            {
              code: 'O2.3',
              title:
                'Implement a customer services strategy drawing from the Victims Summit and the ' +
                'Customer Journey to deliver further improvements',
            },
          ],
        },
        {
          code: 'O3',
          title: 'Delivering better value for money',
          children: [
            // Written "invest-to-save" without quotes at lines 814, 934, 977.
            {
              code: 'O3.1',
              title: "Implement 'invest to save' schemes that enable more efficient working practices",
            },
            { code: 'O3.2', title: 'Improve productivity of staff and assets' },
          ],
        },
        {
          code: 'O4',
          title: 'Reduce crime and offending',
          children: [
            // Line 712 says "what interventions", lines 876, 981 "which interventions"; 712 kept.
            {
              code: 'O4.1',
              title:
                'Support local and national projects aimed at understanding what interventions are ' +
                'effective at reducing low level offending',
            },
            { code: 'O4.2', title: 'Reduce violent crime where injury is caused by 8%' },
            { code: 'O4.3', title: 'Reduce overall crime by 5 per cent' },
          ],
        },
        {
          // Line 761; line 811 writes the objective as "Increase public confidence in policing".
          code: 'O5',
          title: 'Improving public confidence in policing',
          children: [{ code: 'O5.1', title: 'Increase confidence in policing' }],
        },
        {
          code: 'O6',
          title: 'Creating stronger partnerships',
          children: [
            {
              code: 'O6.1',
              title: 'Allocate funding to partnerships to tackle local policing and crime problems',
            },
            { code: 'O6.2', title: 'Reduce re-offending through partnership working' },
            // Fuller wording from line 975; line 882 has "Increase engagement with Health and Wellbeing Board".
            {
              code: 'O6.3',
              title:
                'Increase engagement with each health and wellbeing board across the seven local authority areas',
            },
          ],
        },
      ],
    },
    {
      key: 'pcp-2021',
      title: 'Police and Crime Plan 2021-2025',
      period: '2021–2025',
      source: '001 lines 722, 726, 1590–1596',
      // The six sections are listed at 001 lines 1590–1596. The community safety priorities (line 726)
      // are not tied to any one section by the paper, so they form their own group "CS".
      priorities: [
        { code: 'S1', title: 'West Midlands Police' },
        { code: 'S2', title: 'Working in Partnership Locally' },
        { code: 'S3', title: 'Police Collaboration' },
        { code: 'S4', title: 'Civic Leadership and campaigning for change' },
        { code: 'S5', title: 'Good governance, transparency, equality and public engagement' },
        { code: 'S6', title: 'Funding, grants, resources, police precept and financial planning' },
        {
          code: 'CS',
          title: 'Community safety priorities 2021–2025',
          children: [
            { code: 'CS1', title: 'Preventing crime and anti-social behaviour' },
            { code: 'CS2', title: 'Serious and organised crime' },
            { code: 'CS3', title: 'Supporting victims and witnesses' },
            { code: 'CS4', title: 'Violence and intimidation against women and girls' },
            { code: 'CS5', title: 'Cyber-crime and fraud' },
            { code: 'CS6', title: 'Serious violence' },
            { code: 'CS7', title: 'Offending and reoffending' },
            { code: 'CS8', title: 'Substance misuse' },
          ],
        },
      ],
    },
  ],

  // Names as 003 writes them (Appendix A, lines 103–123). Aliases are the other forms found in the
  // seeds; "<Area> Community Safety Partnership" is added for every area as the generic form, even
  // where the papers happen not to use it (Sandwell, Solihull, Walsall).
  partnerships: [
    {
      name: 'Birmingham Community Safety Partnership',
      area: 'Birmingham',
      // "BCSP": 003 lines 657–665 and throughout 002. "Birmingham CSP" does not occur in the seeds.
      aliases: ['BCSP'],
    },
    {
      name: 'Coventry Local Police and Crime Board',
      area: 'Coventry',
      // 003 line 338 (heading), line 344 ("Coventry Police & Crime Board"), line 406 ("formally
      // Coventry Community Safety Partnership") and line 361.
      aliases: [
        'Coventry Police and Crime Board',
        'Coventry Police & Crime Board',
        'Coventry Community Safety Partnership',
      ],
    },
    {
      name: 'Safe and Sound Dudley',
      area: 'Dudley',
      // 003 lines 221, 231, 239, 275, 328. "Dudley CSP" does not occur in the seeds.
      aliases: [
        "Safe and Sound - Dudley's Community Safety Partnership",
        'Safe and Sound',
        'Dudley Community Safety Partnership',
      ],
    },
    {
      name: 'Safer Sandwell Partnership',
      area: 'Sandwell',
      // "SSP": 003 lines 1408, 1426; "SSPB": line 1379; "Safer Sandwell Board": line 1356;
      // "Sandwell CSP": line 853 (in a Birmingham case).
      aliases: [
        'SSP',
        'SSPB',
        'Safer Sandwell Board',
        'Sandwell CSP',
        'Sandwell Community Safety Partnership',
      ],
    },
    {
      name: 'Safer Solihull Partnership',
      area: 'Solihull',
      // "Safer Solihull CSP": 003 lines 173, 219.
      aliases: ['Safer Solihull CSP', 'Solihull Community Safety Partnership'],
    },
    {
      name: 'Safer Walsall Partnership',
      area: 'Walsall',
      // Only "Safer Walsall Partnership" occurs (003 lines 111, 497, 564); "Walsall CSP" does not.
      aliases: ['Walsall Community Safety Partnership'],
    },
    {
      // Wolverhampton did not bid in 2013 (003 line 21) and no seed names its partnership: neither
      // "Safer Wolverhampton Partnership" nor "Wolverhampton CSP" occurs, so the generic form is used.
      // "Wolverhampton Council" (001 line 817) is the local authority, not the partnership, so it is
      // not an alias; the SSF4 bid names the council as lead in its summary.
      name: 'Wolverhampton Community Safety Partnership',
      area: 'Wolverhampton',
      aliases: [],
    },
    {
      name: 'Office of the Police and Crime Commissioner',
      area: 'West Midlands',
      aliases: ['OPCC', 'West Midlands OPCC'],
    },
  ],

  rounds: [
    {
      fund: 'Invest to Save',
      name: '2013-14 tranche 2',
      financialYear: '2013-14',
      // "This is the second tranche of applications to the fund" (003 line 75).
      tranche: '2',
      budgetPence: 35_000_000, // "Total budget £350,000" (003 line 95)
      commitments: [
        // 003 lines 21, 75, 97: £30,000 to the joint bid from all seven areas, allocated September 2013.
        {
          description: 'Domestic Homicide Review research (joint bid, all seven areas), September 2013',
          amountPence: 3_000_000,
        },
      ],
      planKey: 'pcp-2013',
      // No opening or closing dates in the paper; the Board met on 5 November 2013 (003 lines 6, 67).
      status: 'closed',
      // Appendix A subtotal rows exactly as printed (003 lines 105–123), including "Total request".
      scheduleTotals: [
        { partnership: 'Safer Solihull Partnership', label: 'Total requested', statedPence: 5_000_000 },
        { partnership: 'Safe and Sound Dudley', label: 'Total requested', statedPence: 5_000_000 },
        {
          partnership: 'Coventry Local Police and Crime Board',
          label: 'Total requested',
          statedPence: 7_300_000,
        },
        { partnership: 'Safer Walsall Partnership', label: 'Total requested', statedPence: 4_000_000 },
        {
          partnership: 'Birmingham Community Safety Partnership',
          label: 'Total requested',
          statedPence: 19_500_000,
          statedReducedPence: 16_500_000, // "£195,000 which could be reduced to £165,000" (line 117)
        },
        { partnership: 'Safer Sandwell Partnership', label: 'Total request', statedPence: 10_126_000 },
      ],
      source: '003 lines 93–123 (Appendix A); business cases lines 125–1445',
      bids: [
        {
          ref: 'S1',
          partnership: 'Safer Solihull Partnership',
          title: 'Project to Address Violent Crime',
          summary:
            'A one-year Prevent and Protect project on violent crime, especially domestic abuse, in ' +
            "the Chelmsley Wood and Smith's Wood priority areas: a violent crime caseworker with " +
            "research capacity, and an interactive DVD version of the 'Voice' awareness programme for " +
            'schools.',
          // Appendix A leaves S1's amount cell empty; the £50,000 is only in the "Total requested" row (line 105).
          requestedPence: 5_000_000,
          statedTotalPence: 5_000_000, // "Total Bid: £ 50,000." (line 217)
          costLines: [
            {
              description: 'Prevent – production, manufacture and distribution of DVD',
              amountPence: 1_000_000,
            },
            {
              description:
                'Protect – employment of and associated support costs for a violent crime case worker, ' +
                'research and analytical capabilities',
              amountPence: 4_000_000,
            },
          ],
          // The case cites Safer Solihull's own priorities and Operation Sentinel, not the Police and Crime Plan.
          claimedPriorities: [],
          sections: [
            {
              heading: 'Background',
              body:
                'Violent crime is 20.7% of total recorded crime in the Solihull Local Policing Unit, and ' +
                "Chelmsley Wood and Smith's Wood carry the greatest share; both are police priority " +
                'areas and regeneration wards. Domestic abuse there is five times the Solihull average, ' +
                'with more repeat victims, and there is no local information on abuse in teenage ' +
                'relationships. The bid has two parts, Prevent and Protect, and is endorsed by the Safer ' +
                'Solihull Executive Board.',
            },
            {
              // The case heads this part "Prevent:" (line 148), but its costs line calls the caseworker "Protect".
              heading: 'Key Outputs',
              body:
                'A violent crime caseworker would give short-term support, risk assessment and safety ' +
                'advice to victims of domestic abuse and violent crime living in a Priority Area, ' +
                'including medium and standard risk victims the IDVA service does not cover. The work ' +
                "would also test the hypothesis that 'Drugs and Alcohol drive violent crime in the " +
                "Priority Areas' and shape future commissioning.",
            },
            {
              heading: 'Prevent',
              body:
                "'The Voice' is a domestic abuse awareness programme for 16 and 17 year olds, now a " +
                'PowerPoint given by a Detective Sergeant from the Public Protection Unit to around 200 ' +
                'young people. The bid would turn it into an interactive DVD that schools, colleges and ' +
                'youth settings can use; West Midlands Police has put about £2,000 of officer time and ' +
                'materials into it so far.',
            },
            {
              heading: 'Costs',
              body:
                'Prevent (DVD) £10,000; Protect (violent crime caseworker, research and analysis) ' +
                '£40,000; total bid £50,000.',
            },
          ],
          durationText: '1 year project', // Appendix A line 104; "a one year project" at line 137
          status: 'received',
          source: '003 lines 104–105, 125–219',
        },
        {
          ref: 'D1',
          partnership: 'Safe and Sound Dudley',
          title: 'Community Payback Initiative',
          summary:
            'A one-off grant to commission the local Community Payback team, through the Probation ' +
            "Trust, for offenders' unpaid work in the borough (clearance, graffiti removal, snow " +
            'clearance and similar), with projects chosen by the local Police and Crime Board.',
          // Appendix A leaves D1's amount cell empty; the £50,000 is only in the "Total requested" row (line 107).
          requestedPence: 5_000_000,
          statedTotalPence: 5_000_000, // "Amount Requested £50,000" (line 227); no itemised costs
          claimedPriorities: [],
          sections: [
            {
              heading: 'Reasons for Request',
              body:
                'Safe and Sound aims to reduce repeat victims by tackling reoffending, to manage ' +
                'tensions and improve quality of life in neighbourhoods and town centres, and to ' +
                'safeguard vulnerable groups. Crime in the borough is at an all-time low and the ' +
                'partnership wants to sustain that despite reduced funding.',
            },
            {
              heading: 'The use of Community Payback locally',
              body:
                'The service would cover site and garden clearance, graffiti removal, cleaning bin ' +
                'stores, horticultural work, snow clearance and gritting, and painting fences. Projects ' +
                "would be identified through the partnership's newly formed local Police and Crime Board " +
                'and co-ordinated with the local Community Payback unit manager; each must benefit the ' +
                'community and must not take paid work away from others.',
            },
            {
              heading: 'How would the money be spent',
              body:
                'Paid at intervals to the Probation Trust under a Service Level Agreement, in arrears of ' +
                'satisfactory work. Typical costs would be administration, supervisors, transport and ' +
                'consumables such as paint; no amounts are given.',
            },
            {
              heading: 'Monitoring arrangements',
              body:
                'The SLA would track projects per month and year, the number of offenders, outcomes ' +
                'against priorities and qualitative outcomes from beneficiaries, with a disputes and ' +
                'termination clause.',
            },
            {
              heading: 'Project Assessment',
              body:
                'The case accepts the spend-to-save criterion but says savings are hard to price; it ' +
                'expects a cleaner and greener Dudley, public confidence in community sentences and ' +
                'lasting benefit from land brought back into use.',
            },
          ],
          status: 'received',
          source: '003 lines 106–107, 221–336',
        },
        {
          ref: 'C1',
          partnership: 'Coventry Local Police and Crime Board',
          // Appendix A describes it as "Safeguarding Hub" (line 108); the case is headed as below (line 340).
          title: 'Improving Safeguarding in Coventry',
          summary:
            'A six-month Project Manager to design and implement better multi-agency arrangements for ' +
            'safeguarding children and families affected by domestic violence and abuse, with money ' +
            'for set-up and for evaluation.',
          requestedPence: 3_500_000,
          statedTotalPence: 3_500_000, // "Total funding request amounts to: £35,000" (line 400)
          costLines: [
            // The case calls the post "Project Manager" at line 378 and "Project Officer" at line 394.
            {
              description: 'Project Manager for 6 months (costs for a Project Officer)',
              amountPence: 2_000_000,
            },
            {
              description: 'Set-up costs for transitional arrangements (up to; not yet known)',
              amountPence: 1_000_000,
            },
            {
              description: 'Evaluation to quantify benefits and identify improvements',
              amountPence: 500_000,
            },
          ],
          claimedPriorities: [],
          sections: [
            {
              heading: 'Introduction and Background',
              body:
                'The Coventry Police & Crime Board and the Local Safeguarding Children Board see ' +
                'domestic violence and abuse as one of the biggest community safety issues in the city. ' +
                'A revised model (early intervention and prevention, active case management, safe and ' +
                'well aftercare) goes to tender in early 2014, and Serious Case Reviews point to ' +
                'weaknesses in multi-agency training, information sharing and a child-focused approach.',
            },
            {
              heading: 'Project Proposal – Improving Multi-Agency Safeguarding in Coventry',
              body:
                'Health, Probation, Police and the local authority have agreed to explore new ways of ' +
                'working that reduce duplication, share information sooner, allow joint risk assessments ' +
                'and stop borderline cases slipping through the net.',
            },
            {
              heading: 'Funding',
              body:
                'A Project Manager for six months would lead a project group, produce options covering ' +
                'governance, resources, IT, training and evaluation, and implement the agreed option by ' +
                '1 April 2014 (£20,000). Up to £10,000 is sought for set-up costs and £5,000 for ' +
                'evaluation; total £35,000.',
            },
          ],
          durationText: 'Project Manager for 6 months; implementation by 1 April 2014',
          status: 'received',
          source: '003 lines 108, 338–400',
        },
        {
          ref: 'C2',
          partnership: 'Coventry Local Police and Crime Board',
          title: 'Coventry Safer Homes Initiative',
          summary:
            'Set-up costs (training and uniforms) to recruit 20 extra Special Constables from Coventry ' +
            "University's policing and law students to patrol residential Priority Locations alongside " +
            'neighbourhood teams; the City Council would underwrite their running costs.',
          requestedPence: 3_800_000,
          // "set-up costs totalling £38,000" (line 452). The two lines below come to £37,960, not £38,000.
          statedTotalPence: 3_800_000,
          costLines: [
            // The case gives only rate × number (lines 454–455); the line amounts are that product.
            {
              description: 'Training at £1098 per officer for twenty Special Constables',
              quantity: 20,
              unitCostPence: 109_800,
              amountPence: 2_196_000,
            },
            {
              description: 'Uniform at £800.00 per officer for twenty Special Constables',
              quantity: 20,
              unitCostPence: 80_000,
              amountPence: 1_600_000,
            },
          ],
          claimedPriorities: [],
          sections: [
            {
              heading: 'Background and Context',
              body:
                'A deep-dive analysis with the Jill Dando Institute identified five Priority Locations ' +
                '(Foleshill (Edgwick), Wood End and Bell Green, City Centre and Spon End, Hillfields, ' +
                'Willenhall and Four Closes) with persistently high crime and ASB. Many residents are ' +
                'reluctant or unable to report to agencies but want face-to-face contact with trusted ' +
                'uniformed officers.',
            },
            {
              heading: 'Proposal – Safer Homes Initiative',
              body:
                'With Coventry University, Coventry City Council and West Midlands Police, recruit 20 ' +
                'additional Special Constables from students on criminal justice courses. Each would ' +
                'work at least 8 hours a week on visible patrols, visiting vulnerable premises and ' +
                'at-risk residents and gathering local intelligence.',
            },
            {
              heading: 'Cost',
              body:
                'The City Council underwrites operating costs up to £2,000 per Special Constable a year, ' +
                'if recruitment is complete by the end of 2013-14. The bid seeks set-up costs "totalling ' +
                '£38,000": training at £1,098 and uniform at £800 per officer for twenty officers.',
            },
            {
              heading: 'Timeline',
              body:
                'Indicative confirmation of funding in November 2013, funds formally secured in December ' +
                '2013, accelerated selection alongside force recruitment, and deployment into Priority ' +
                'Locations in April 2014, with the College of Policing engaged for an independent ' +
                'evaluation.',
            },
            {
              heading: 'Outcomes',
              body:
                'Better public confidence and less crime in Priority Locations, communities better ' +
                'connected to agencies, more efficient service delivery and a contribution to ' +
                'evidence-based policing.',
            },
          ],
          status: 'received',
          source: '003 lines 109–110, 402–495',
        },
        {
          ref: 'W1',
          partnership: 'Safer Walsall Partnership',
          title: 'Business Crime Initiative',
          summary:
            'A 6–8 month pilot Business Crime Initiative for Walsall town centre, free for businesses ' +
            'to join, giving them shared intelligence, a dedicated reporting route and an IT package, ' +
            'as the basis for a later fee-paying scheme.',
          requestedPence: 2_500_000,
          // "this brief project outline is submitted to support a bid for £25,000" (line 564); no itemised costs.
          statedTotalPence: 2_500_000,
          claimedPriorities: [],
          sections: [
            {
              heading: 'Introduction',
              body:
                "The town centre accounts for 16% of the borough's crime and is a priority location for " +
                'recorded crime and ASB. Retail crime has risen by around 50%, and street drinking has ' +
                'harmed perceptions of safety; some small businesses have left, leaving empty premises.',
            },
            {
              heading: 'What is missing?',
              body:
                'Businesses tackle crime separately, with no shared intelligence. Partners want a ' +
                'sustainable way to keep businesses informed, give them a dedicated reporting facility ' +
                'and bring them together: a Business Crime Initiative.',
            },
            {
              heading: 'Benefits of a Business Crime Initiative',
              body:
                'A banning folder for civil exclusion of prolific offenders, information protocols ' +
                'supporting ASBO and CRASBO applications, shared intelligence, training, reduced stock ' +
                'loss and greater confidence among traders and visitors. The options table estimates the ' +
                'additional cost of developing the offer at 25-30K.',
            },
            {
              heading: 'For your consideration',
              body:
                'A £25K Proceeds of Crime Act bid for a pilot failed. Partners want a pilot of about 6-8 ' +
                'months in which businesses join free, to show the benefits and lead to a fee-paying ' +
                'scheme. A full project plan would follow if the bid succeeds.',
            },
          ],
          durationText: 'Pilot of approx 6-8 months',
          status: 'received',
          source: '003 lines 111, 497–566',
        },
        {
          ref: 'W2',
          partnership: 'Safer Walsall Partnership',
          title: 'No Cold Calling Zones',
          summary:
            'Buying No Cold Calling Zone materials in bulk (householder information packs and street ' +
            'signs, in accessible formats and languages) so that at least 6 or 7 zones can be set up ' +
            'across Walsall, starting in Bentley/Darlaston, against distraction burglary and rogue ' +
            'doorstep traders.',
          requestedPence: 1_500_000,
          // "This outline bid is made for £15,000" (line 631); the £2,000 for Bentley/Darlaston (line 625)
          // is an initial costing, not a line of this bid. No itemised costs.
          statedTotalPence: 1_500_000,
          claimedPriorities: [],
          sections: [
            {
              heading: 'Introduction',
              body:
                'Walsall has long suffered distraction and bogus-official burglaries linked to rogue ' +
                'doorstep traders, mostly against older people living alone. There were 28 distraction ' +
                'burglaries in the borough in 2013, 6 of them in Bentley/Darlaston; Bentley is a compact ' +
                'estate near the M6 with many elderly residents living alone.',
            },
            {
              heading: "Benefits Of 'No Cold Calls Zones'",
              body:
                'A Surrey Trading Standards evaluation found 78.9% of respondents felt safer after a ' +
                'zone was set up and 93.8% wanted it extended; residents rated stickers above road signs ' +
                'as a deterrent.',
            },
            {
              heading: "Delivering A 'No Cold Callers Zone'",
              body:
                'Identify vulnerable areas, consult residents, produce information packs, raise ' +
                'awareness through community groups and erect street signs, with materials in a range of ' +
                'languages and formats. Initial costings put the Bentley/Darlaston zone at £2,000.',
            },
            {
              heading: 'For Your Consideration',
              body:
                '£15,000 would let materials be bought in bulk to deliver at least 6/7 schemes across ' +
                "the borough, building on 'Operation Doorstop', and cover the range of materials needed " +
                'for inclusive zones.',
            },
          ],
          status: 'received',
          source: '003 lines 112–113, 568–631',
        },
        {
          ref: 'B1',
          partnership: 'Birmingham Community Safety Partnership',
          title: 'Youth Violence',
          summary:
            'Five discrete youth violence interventions: a schools co-ordinator to embed the ' +
            'MissDorothy.com programme and teenage relationship work, a Youth Violence Strategy, a ' +
            'trial of 4G re-deployable CCTV, a feasibility study of youth workers in A&E, and a ' +
            'database of the use of new ASB powers.',
          requestedPence: 10_000_000,
          reducedPence: 9_000_000, // "£100,000 could be reduced to £90,000" (line 114)
          // The asterisk note (line 646) belongs to item iii (line 641): £35k → £25k, so £100k → £90k.
          reductionNote:
            'Item iii, trial of 4G re-deployable cameras (£35k), could be reduced to £25k if full ' +
            'funding were not available.',
          statedTotalPence: 10_000_000, // "Sub-total £100K" (line 644)
          costLines: [
            {
              description:
                'i) A schools co-ordinator and funding to support schools-based programmes, and ' +
                "teenage relationships interventions to challenge domestic abuse 'within' young " +
                "people's relationships",
              amountPence: 3_000_000,
            },
            { description: 'ii) Development of a Youth Violence Strategy', amountPence: 1_000_000 },
            {
              description:
                'iii) Trial of 4G re-deployable cameras in areas most heavily affected by youth violence',
              amountPence: 3_500_000,
            },
            {
              description: 'iv) Feasibility study of locating specialist youth workers in A&E departments',
              amountPence: 1_000_000,
            },
            {
              description:
                'v) Design and trial a database that will log and track the use made of new ASB powers',
              amountPence: 1_500_000,
            },
          ],
          // Union of the objectives and sub-objectives quoted for interventions 1–5 (lines 701–712,
          // 750–765, 809–814, 865–883, 931–936). Intervention 3 writes O5 as "Increase public confidence in policing".
          claimedPriorities: [
            'O1',
            'O1.1',
            'O1.2',
            'O1.3',
            'O2',
            'O2.1',
            'O3',
            'O3.1',
            'O3.2',
            'O4',
            'O4.1',
            'O4.2',
            'O5',
            'O5.1',
            'O6',
            'O6.1',
            'O6.2',
            'O6.3',
          ],
          sections: [
            {
              heading: 'Intervention 1 – A schools co-ordinator and schools-based programmes',
              body:
                'MissDorothy.com, a preventative programme for Year 5 pupils, ran in 120 Birmingham ' +
                'primary schools in 2012. A co-ordinator in post until July 2014 would encourage all 299 ' +
                'primary schools to buy it directly (£7 a pupil), help secondary schools and Pupil ' +
                'Referral Units reach other programmes, and develop teenage relationship work on ' +
                'domestic abuse. £30,000.',
            },
            {
              heading: 'Intervention 2 – Development of the Youth Violence strategy',
              body:
                'After community concern over youth knife crime, a short commission would evaluate ' +
                'existing provision, find good practice and gaps, and write a Youth Violence Strategy ' +
                'for partners by 31 March 2014. £10,000.',
            },
            {
              heading: 'Intervention 3 – Trial of 4G re-deployable cameras',
              body:
                'Following an independent BCSP report, a trial of re-deployable CCTV transmitting over ' +
                '4G to the central control room, launched January 2014, to test the technology and ' +
                'measure its contribution to arrests, detections and convictions, in collaboration with ' +
                'Sandwell CSP. £35,000.',
            },
            {
              heading: 'Intervention 4 – Feasibility study of specialist youth workers in A&E departments',
              body:
                "Modelled on the Kings Youth Project at King's College Hospital: fund a third sector " +
                'youth organisation to engage young people admitted with violence or knife injuries at ' +
                'City Hospital and the QE, Selly Oak, and signpost them to support. £10,000, to help ' +
                'secure match funding from West Midlands Police and the Health and Wellbeing Board.',
            },
            {
              heading: 'Intervention 5 – Database of the new powers to address ASB',
              body:
                'A BCSP task and finish group on the ASB Bill 2013 found no central record of powers in ' +
                'use. A central electronic database of the new powers would be specified and tendered ' +
                'for completion by 31 March 2014. £15,000.',
            },
          ],
          durationText: 'Deliverable within 2013-14 (schools co-ordinator in post until July 2014)',
          status: 'received',
          source: '003 lines 114, 633–693, 695–966',
        },
        {
          ref: 'B2',
          partnership: 'Birmingham Community Safety Partnership',
          title: 'Domestic Abuse',
          summary:
            'Three discrete domestic abuse interventions: IDVAs in hospital A&E departments with ' +
            'routine questioning protocols, care and support pathways from primary care, and ' +
            'target-hardening for victims in the perpetrator management pilot.',
          requestedPence: 9_500_000,
          reducedPence: 7_500_000, // "£95,000 could be reduced to £75,000" (line 116)
          // The asterisk note (line 655) belongs to item iii (line 652): £50k → £30k, so £95k → £75k.
          reductionNote:
            'Item iii, target-hardening for victims of domestic abuse (£50k), could be reduced to £30k ' +
            'if full funding were not available.',
          statedTotalPence: 9_500_000, // "Sub-total £95k" (line 653)
          costLines: [
            {
              description:
                'i) Feasibility study of locating domestic abuse specialists in A&E departments and ' +
                'targeted interventions',
              amountPence: 3_000_000,
            },
            {
              description:
                'ii) Development of care and support pathways from Primary Care for victims of domestic abuse',
              amountPence: 1_500_000,
            },
            {
              description:
                'iii) Target-hardening for victims of domestic abuse within the offender management ' +
                'Domestic Abuse pilot',
              amountPence: 5_000_000,
            },
          ],
          // All three interventions quote the same list (lines 972–987, 1031–1045, 1082–1096).
          claimedPriorities: [
            'O1',
            'O1.3',
            'O2',
            'O2.1',
            'O2.2',
            'O2.3',
            'O3',
            'O3.1',
            'O4',
            'O4.1',
            'O4.3',
            'O6',
            'O6.3',
          ],
          sections: [
            {
              heading: 'Intervention 1 – Feasibility study of domestic abuse specialists in A&E departments',
              body:
                'Many victims attending A&E with domestic abuse injuries do not report them, and there ' +
                'are no protocols or training for staff. A pilot would place IDVAs in Birmingham A&E ' +
                'departments and help hospitals set up routine questioning and pathways, starting ' +
                'December 2013 and ending April 2014. £30,000.',
            },
            {
              heading: 'Intervention 2 – Care and support pathways from Primary Care',
              body:
                'Domestic Homicide Reviews show the role GPs can play. With Birmingham South Central ' +
                "CCG, pilot practices would develop a 'whole practice' response and a direct referral " +
                'pathway to specialist services, comparing on-site services with dedicated referral. To ' +
                'complete by April 2014. £15,000.',
            },
            {
              heading: 'Intervention 3 – Target-hardening for victims in the perpetrator management pilot',
              body:
                "Alarms and home security for up to 20 victims in the BCSP's perpetrator management " +
                "pilot with Birmingham and Solihull Women's Aid and West Midlands Police, where " +
                'perpetrators often escape prosecution but remain a risk. To complete by April 2014. ' +
                '£50,000.',
            },
          ],
          durationText: 'To complete by April 2014',
          status: 'received',
          source: '003 lines 116–117, 648–693, 968–1126',
        },
        {
          ref: 'SS1',
          partnership: 'Safer Sandwell Partnership',
          title: 'Domehawk Bid request',
          summary:
            "Eight new mini domehawk cameras with 3G airtime contracts to replace part of Sandwell's " +
            'failing nine-year-old re-deployable camera network, reserved for deployment in priority ' +
            'areas through town tasking.',
          requestedPence: 3_376_000,
          statedTotalPence: 3_376_000, // "Total spend £ 33,760" (line 1156)
          costLines: [
            {
              description: 'New mini domehawk cameras at £3500 each',
              quantity: 8,
              unitCostPence: 350_000,
              amountPence: 2_800_000,
            },
            // Stated as "£ 360 per camera per year" on a 2 year contract, total £5760 (8 × 2 × £360).
            // Quantity and unit are left out because the rate is per camera per year, not per contract.
            {
              description: '3G airtime contracts for 8 cameras (2 year contract) at £360 per camera per year',
              amountPence: 576_000,
            },
          ],
          claimedPriorities: [],
          sections: [
            {
              heading: 'Background',
              body:
                'Sandwell has 39 domehawk cameras, now over nine years old, used by neighbourhood teams ' +
                'to deter crime and ASB and moved after about three weeks. About 1,500 sites are wired ' +
                'for them, but failing technology has left only half the network usable.',
            },
            {
              heading: 'Proposal',
              body:
                'Buy 8 mini domehawks with 500 GB solid-state storage (14 days of footage), viewable by ' +
                'laptop on line of sight or remotely over 3G, bid for through town tasking and ' +
                'restricted to priority areas.',
            },
            {
              heading: 'The costs',
              body:
                '8 cameras at £3,500 (£28,000) and 8 3G airtime contracts for 2 years at £360 per camera ' +
                'per year (£5,760): total £33,760, including a 2-year warranty and 12 months technical ' +
                'support. No budget exists for airtime or support afterwards, though the cameras work ' +
                'without 3G.',
            },
          ],
          status: 'received',
          source: '003 lines 118, 1128–1162',
        },
        {
          ref: 'SS2',
          partnership: 'Safer Sandwell Partnership',
          title: 'Alternative Pathways (AP)',
          summary:
            'Needs-led commissioning of mentoring, school counselling, a fathers programme and ' +
            'sport-based personal development for about 50 primary-age children in Smethwick ' +
            'identified by the Alternative Pathways group as at risk of future offending and gang ' +
            'involvement.',
          requestedPence: 2_000_000,
          // "SS2: Alternative Pathways (AP) £20,000" (line 1164). The case gives an average of about £400 a
          // child for a cohort of 50 (line 1186), which is an estimate, not cost lines, so none are recorded.
          statedTotalPence: 2_000_000,
          claimedPriorities: [],
          sections: [
            {
              heading: 'Project Outline',
              body:
                'The Smethwick Alternative Pathway group (council, police, fire service, Jobcentre Plus, ' +
                'schools) supports the most complex cases. Since September 2012 it has worked with ' +
                'children aged 8 to 11 in the Soho and Victoria priority area, a gap between Sure Start ' +
                'and youth services; earlier provision relied on Ending Gang and Youth Violence funding ' +
                'that has ended.',
            },
            {
              heading: 'Client Group and Proposed Expenditure',
              body:
                'A cohort of 50 young people, each given a mix of services by need: Krunch 1-1 ' +
                'mentoring, Murray Hall Head to Head counselling, the Mentoring West Midlands Fathers ' +
                'Programme and Complete Kidz personal development via sport, at an average of about £400 ' +
                'a child.',
            },
            {
              heading: 'Added Value',
              body:
                'The children are judged the most at risk of criminality or gang behaviour; a prolific ' +
                'offender could cost around £250,000 or more. The group is seeking external funding and ' +
                'will move children into universal services after the intervention.',
            },
          ],
          durationText: 'Spend within the year',
          status: 'received',
          source: '003 lines 119, 1164–1196',
        },
        {
          ref: 'SS3',
          partnership: 'Safer Sandwell Partnership',
          title: 'Polish Engagement Project',
          summary:
            "A pilot series of bi-monthly 'pop-up' advice and engagement events with a Polish " +
            'interpreter and partner agencies for the Polish community in West Bromwich town centre ' +
            '(SWAW), aiming to leave a standing Polish reference group.',
          requestedPence: 150_000,
          statedTotalPence: 150_000, // "Total Bid = £1500" (line 1237)
          // Transcribed as stated (lines 1225–1237). 6 × £104 is £624, but the case says £652; the
          // contingency is "4 sessions @ £52" although a 2-hour session costs £104; the lines come to
          // £1,360, not the £1,500 total.
          costLines: [
            {
              description:
                'Interpreter: 6 × 2-hour sessions = 12 hours (£38 per hour + £14 per hour travel = ' +
                '£52; £104 per session)',
              quantity: 6,
              unitCostPence: 10_400,
              amountPence: 65_200,
            },
            {
              description: 'Contingency: second interpreter for 4 sessions @ £52',
              quantity: 4,
              unitCostPence: 5_200,
              amountPence: 20_800,
            },
            { description: 'Promotional material: advertising, posters, leaflets', amountPence: 30_000 },
            { description: 'Room hire, unforeseen costs, refreshments etc.', amountPence: 20_000 },
          ],
          // The case targets "Sandwell Local Policing Plan Objectives" (lines 1212–1219), not the Police
          // and Crime Plan.
          claimedPriorities: [],
          sections: [
            {
              heading: 'Background',
              body:
                'Nearly 8% of the SWAW ward population was Polish at the 2011 census, yet agencies ' +
                'barely engage with them. Language and cultural barriers push people to unofficial ' +
                'advisers who charge for basic help (£20 to check, £40 to complete a GP registration), ' +
                'and there are signs of exploitation including human trafficking.',
            },
            {
              heading: 'Proposal',
              body:
                "Bi-monthly events at varying times, run like a 'pop up' Citizens Advice Bureau with " +
                'housing, health, education, the council, Gang Masters and alcohol services, with a ' +
                'Polish interpreter, advertised in Polish shops and through schools.',
            },
            {
              heading: 'Targeted Sandwell Local Policing Plan Objectives',
              body:
                'Improve trust and confidence; improve the quality of service; protect communities from ' +
                'crime and ASB and from serious organised crime; protect vulnerable communities from ' +
                'harm; support social prosperity in the region.',
            },
            {
              heading: 'Cost',
              body:
                'Interpreter (via the "Big Word") at £38 an hour plus £14 travel: 6 two-hour sessions ' +
                'stated as £652; contingency for a second interpreter for 4 sessions at £52, £208; £300 ' +
                'promotional material; £200 room hire, refreshments and unforeseen costs. Total bid ' +
                '£1,500.',
            },
          ],
          durationText: 'All sessions within this financial year',
          status: 'received',
          source: '003 lines 120, 1198–1237',
        },
        {
          ref: 'SS4',
          partnership: 'Safer Sandwell Partnership',
          title: 'Multi Agency Safeguarding Hub Project (MASH)',
          summary:
            "One-off set-up costs for Sandwell's Multi Agency Safeguarding Hub (ICT, office " +
            "accommodation, marketing and training) and five months' funding of an IDVA, so that " +
            'domestic violence notifications can be screened in the MASH from its launch.',
          requestedPence: 3_800_000,
          statedTotalPence: 3_800_000, // "Total: £38,000" (line 1334)
          costLines: [
            // "*£20,000 (approx)": ICT costs are estimates that will change (line 1336).
            { description: 'Set-up costs of ICT infrastructure (approx)', amountPence: 2_000_000 },
            { description: 'Office accommodation set-up', amountPence: 400_000 },
            { description: 'Marketing & training activities', amountPence: 150_000 },
            // The row is labelled "for 12 months" but holds 5 months' funding (line 1333): kept as stated.
            {
              description:
                'Funding of an Independent Domestic Violence Advocate (IDVA) for 12 months (funding ' +
                'for 5 months, November 2013 – March 2014, at £2,500 per month)',
              quantity: 5,
              unitCostPence: 250_000,
              amountPence: 1_250_000,
            },
          ],
          claimedPriorities: [],
          sections: [
            {
              heading: 'Background',
              body:
                'A MASH co-locates safeguarding agencies and their data to spot risks to children early ' +
                'and respond effectively, answering serious case reviews such as Laming on poor ' +
                'information sharing. Phase 1 co-locates the police Public Protection Desk, the Initial ' +
                "Screening Team of Children's Social Care and Sandwell Information & Support Service.",
            },
            {
              heading: 'Domestic Violence',
              body:
                'All police domestic violence notifications will go to the MASH for screening from ' +
                'launch, with three levels of response: high-level information sharing, early help or ' +
                'child in need screening, and targeted DV screening for moderate risk.',
            },
            {
              heading: 'Costs',
              body:
                'One-off costs: ICT set-up about £20,000 (an estimate that will change), office ' +
                'accommodation £4,000, marketing and training £1,500, and an IDVA at £2,500 a month for ' +
                'the 5 months to March 2014, £12,500, in a row headed "12 months". Total £38,000.',
            },
            {
              heading: 'Project Timescales',
              body: 'The MASH will go live on 14 November 2013.',
            },
          ],
          durationText: 'One-off costs; IDVA funded November 2013 – March 2014',
          status: 'received',
          source: '003 lines 121, 1239–1346',
        },
        {
          ref: 'SS5',
          partnership: 'Safer Sandwell Partnership',
          title: 'Rights and Equality Sandwell – Development of a User-led Reference Group',
          summary:
            'Rights and Equality Sandwell would recruit, train and support a user-led reference group ' +
            '(such as ex-offenders, victims of crime, drug and alcohol users and young people) to work ' +
            'with front-line staff and feed community views into the Safer Sandwell Partnership.',
          requestedPence: 800_000,
          statedTotalPence: 800_000, // "Total £8,000" (line 1445)
          // The Costing section lists activities with no amounts (lines 1436–1443).
          costLines: [
            {
              description:
                'Identify, map and scope geographical areas and communities where the data sources ' +
                'identify specific concerns relating to service provision and profiling of communities',
            },
            { description: 'Development and capacity building of user-led reference group' },
            {
              description:
                'Chair and administer forum bringing together service practitioners and user groups',
            },
            { description: 'Reporting and evaluation of activities' },
            { description: 'Venue hire' },
            { description: 'Travel and subsistence incentives for users where appropriate' },
          ],
          claimedPriorities: [],
          sections: [
            {
              heading: 'Background',
              body:
                'Rights and Equality Sandwell, formed in 2003, gives peer support to communities and ' +
                'their organisations and works on cohesion, equality of opportunity and ending unlawful ' +
                'discrimination.',
            },
            {
              heading: 'Initiative Aims',
              body:
                "Build on the Safer Sandwell Board's community safety engagement by treating service " +
                'users as key stakeholders, supporting a network of people from user groups to take part ' +
                'in service development and to bring local, person-centred knowledge that statistics ' +
                'miss.',
            },
            {
              heading: 'Activity Plan',
              body:
                "In 2013-2014: recruit the group with the SSP, build members' skills, form a network of " +
                'practitioners and users, hold meetings between agencies and the group, report to ' +
                "quarterly SSP meetings, then assess the group's effectiveness and use the skills in " +
                'further research.',
            },
            {
              heading: 'Costing',
              body:
                'Scoping areas of concern, developing the group, chairing and administering the forum, ' +
                'reporting and evaluation, venue hire, and travel and subsistence for users: no amounts ' +
                'given; total £8,000.',
            },
          ],
          status: 'received',
          source: '003 lines 122–123, 1348–1445',
        },
      ],
    },
    {
      fund: 'Safer Streets',
      // At most £750,000 a bid in round 4 (DOMAIN.md, from the Home Office prospectus; not in the seeds).
      fundCapPence: 75_000_000,
      name: 'Round 4 (SSF4)',
      financialYear: '2022-23',
      // The three awards: £458,545 + £365,667 + £227,100 = £1,051,312 (001 line 817).
      budgetPence: 105_131_200,
      commitments: [],
      planKey: 'pcp-2021',
      status: 'closed',
      source: '001 lines 814–828',
      bids: [
        {
          ref: 'SSF4-01',
          partnership: 'Office of the Police and Crime Commissioner',
          title: 'Tackling violence against women and girls (extension of SSF3 VAWG delivery)',
          // Paragraph 26 (line 816) says "In round 3 the OPCC has secured £458,545", but the money
          // extends the SSF3 work, paragraph 27 calls the other bids "also successful" SSF4 bids, the
          // £1,051,312 total includes it, and line 828 speaks of "SSF4 VAWG Communications": read as SSF4.
          summary:
            'The OPCC, with external partners, extends its Safer Streets 3 work on violence against ' +
            'women and girls across the West Midlands, combining school education, community outreach, ' +
            'bystander programmes and mass media campaigns.',
          requestedPence: 45_854_500,
          claimedPriorities: ['CS4'],
          sections: [
            {
              heading: 'Approach',
              body:
                'Following a rapid evidence review, the bid combines educational programmes, community ' +
                'outreach and mass media campaigns, with bystander/upstander programmes and education ' +
                'aimed at potential victims or perpetrators.',
            },
            {
              heading: 'Campaigns',
              body:
                "Continues the #noexcuseforabuse campaign led by the Victims' Commissioner and builds on " +
                'the Here and Now campaign; new campaigns draw on a May YouGov survey, the first ' +
                'focusing on zero tolerance in the night-time economy.',
            },
            {
              heading: 'Schools',
              body:
                'EMVAWG lesson plans continue with the Mentoring in Violence Prevention programme ' +
                'through the Violence Reduction Partnership, and the Safer Together #timetotalk project ' +
                'on harmful attitudes in boys extends to 60 schools.',
            },
            {
              heading: 'Progress',
              body:
                'In the first quarter 20 schools had signed up to #timetotalk and sessions had begun in ' +
                '8, ahead of target. The EMVAWG Alliance first met in September 2022.',
            },
          ],
          status: 'eligible',
          source: '001 lines 816, 818–828',
        },
        {
          ref: 'SSF4-02',
          partnership: 'Wolverhampton Community Safety Partnership',
          title: 'Youth anti-social behaviour and violence in Wolverhampton City Centre',
          summary:
            'Led by Wolverhampton Council: activity to address youth anti-social behaviour and ' +
            'violence in the city centre, developed with the CSP lead, the Violence Reduction ' +
            'Partnership, the OPCC, police and voluntary partners.',
          requestedPence: 36_566_700,
          // Our mapping, not the bidder's claim: youth ASB fits CS1; the paper reports Safer Streets
          // under the serious violence priority (001 line 752), so youth violence is mapped to CS6.
          claimedPriorities: ['CS1', 'CS6'],
          status: 'eligible',
          source: '001 line 817',
        },
        {
          ref: 'SSF4-03',
          partnership: 'Safer Sandwell Partnership',
          title: 'Anti-social behaviour: additional CCTV and enhanced detached youth work',
          summary:
            'Led by Sandwell Council: tackling anti-social behaviour through additional CCTV and ' +
            'enhanced detached youth work, developed with the CSP lead, the Violence Reduction ' +
            'Partnership, the OPCC, police and voluntary partners.',
          requestedPence: 22_710_000,
          claimedPriorities: ['CS1'],
          status: 'eligible',
          source: '001 line 817',
        },
      ],
    },
  ],
};
