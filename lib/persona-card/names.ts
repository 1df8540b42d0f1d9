/**
 * Name pools for the persona card, as data. A person's first and last name come from one
 * naming culture so the pair reads as a real name ("Priya Raman", not "Priya Kowalski").
 *
 * Curation rules (issue #3: "diverse and tasteful"): everyday given names and surnames in
 * their usual romanisation, across cultures and genders; no celebrities, no joke or
 * loaded names; surnames that change with gender (Polish -ski/-ska, Greek -os/-ou,
 * Russian -ov/-ova) are stored as pairs. FAMOUS_NAMES catches the well-known people the
 * pools can still spell.
 */

/** Where a naming culture is most at home; avatar.ts uses it to weight (never fix) looks. */
export type Region =
  | 'northern-europe'
  | 'southern-europe'
  | 'eastern-europe'
  | 'middle-east'
  | 'south-asia'
  | 'east-asia'
  | 'southeast-asia'
  | 'latin-america'
  | 'west-africa'
  | 'east-africa'
  | 'southern-africa'
  | 'african-diaspora';

/** A surname, or a pair when it changes with gender. */
export type Surname = string | { readonly m: string; readonly f: string };

export interface NameCulture {
  readonly id: string;
  readonly region: Region;
  readonly female: readonly string[];
  readonly male: readonly string[];
  readonly surnames: readonly Surname[];
}

const gendered = (m: string, f: string): Surname => ({ m, f });

export const NAME_CULTURES: readonly NameCulture[] = [
  {
    id: 'english',
    region: 'northern-europe',
    female: ['Olivia', 'Charlotte', 'Hannah', 'Emily', 'Lucy', 'Abigail', 'Claire', 'Megan', 'Rachel', 'Harriet', 'Rebecca'],
    male: ['James', 'Oliver', 'Daniel', 'Thomas', 'Benjamin', 'Samuel', 'Matthew', 'Andrew', 'Nathan', 'Edward', 'Alistair'],
    surnames: ['Thompson', 'Bennett', 'Hughes', 'Carter', 'Mitchell', 'Parker', 'Collins', 'Turner', 'Harris', 'Foster', 'Ellis', 'Whitaker'],
  },
  {
    id: 'african-american',
    region: 'african-diaspora',
    female: ['Jasmine', 'Imani', 'Kiara', 'Danielle', 'Brianna', 'Tiana', 'Monique', 'Aaliyah', 'Keisha', 'Simone'],
    male: ['Marcus', 'Darnell', 'Andre', 'Terrence', 'Malik', 'Jamal', 'Isaiah', 'Xavier', 'Devon', 'Reginald'],
    surnames: ['Robinson', 'Coleman', 'Dixon', 'Bishop', 'Greene', 'Hayes', 'Simmons', 'Jenkins', 'Banks', 'Holloway', 'Gaines', 'Whitfield'],
  },
  {
    id: 'irish-scottish',
    region: 'northern-europe',
    female: ['Aoife', 'Siobhan', 'Niamh', 'Ciara', 'Róisín', 'Fiona', 'Eilidh', 'Orla', 'Maeve', 'Catriona'],
    male: ['Cian', 'Declan', 'Eoin', 'Ruairí', 'Finn', 'Callum', 'Padraig', 'Fergus', 'Ronan', 'Angus'],
    surnames: ['Byrne', 'Doyle', 'Walsh', 'Quinn', 'Brennan', 'Fraser', 'MacLeod', 'Kavanagh', 'Nolan', 'Sweeney', "O'Neill", 'Lennox'],
  },
  {
    id: 'french',
    region: 'northern-europe',
    female: ['Camille', 'Élodie', 'Manon', 'Chloé', 'Juliette', 'Margaux', 'Amélie', 'Inès', 'Léa', 'Solène'],
    male: ['Antoine', 'Julien', 'Mathieu', 'Nicolas', 'Théo', 'Louis', 'Étienne', 'Rémi', 'Baptiste', 'Guillaume'],
    surnames: ['Lefèvre', 'Moreau', 'Girard', 'Fontaine', 'Mercier', 'Dubois', 'Lambert', 'Bonnet', 'Faure', 'Chevalier', 'Garnier', 'Roussel'],
  },
  {
    id: 'german',
    region: 'northern-europe',
    female: ['Anna', 'Lena', 'Katharina', 'Johanna', 'Miriam', 'Sophie', 'Franziska', 'Leonie', 'Clara', 'Annika'],
    male: ['Lukas', 'Jonas', 'Felix', 'Maximilian', 'Tobias', 'Florian', 'Matthias', 'Jan', 'Niklas', 'Moritz'],
    surnames: ['Becker', 'Hoffmann', 'Schulz', 'Wagner', 'Keller', 'Vogel', 'Krüger', 'Brandt', 'Lehmann', 'Hartmann', 'Neumann', 'Winkler'],
  },
  {
    id: 'dutch',
    region: 'northern-europe',
    female: ['Sanne', 'Femke', 'Lotte', 'Eva', 'Anouk', 'Marloes', 'Fleur', 'Iris', 'Noor'],
    male: ['Daan', 'Bram', 'Sander', 'Joris', 'Pieter', 'Ruben', 'Thijs', 'Wouter', 'Jeroen'],
    surnames: ['de Vries', 'Jansen', 'Visser', 'Bakker', 'Smit', 'Meijer', 'Mulder', 'de Boer', 'Vermeulen', 'van Leeuwen'],
  },
  {
    id: 'scandinavian',
    region: 'northern-europe',
    female: ['Astrid', 'Ingrid', 'Freja', 'Sigrid', 'Maja', 'Linnea', 'Elin', 'Saga', 'Ida', 'Karin'],
    male: ['Erik', 'Lars', 'Magnus', 'Henrik', 'Anders', 'Oskar', 'Nils', 'Emil', 'Søren', 'Johan'],
    surnames: ['Lindqvist', 'Johansson', 'Nilsson', 'Bergström', 'Haugen', 'Andersen', 'Dahl', 'Lund', 'Sandberg', 'Holm', 'Nyberg'],
  },
  {
    id: 'finnish',
    region: 'northern-europe',
    female: ['Aino', 'Helmi', 'Venla', 'Kaisa', 'Sanna', 'Riikka', 'Elina', 'Noora'],
    male: ['Eero', 'Juho', 'Mikko', 'Antti', 'Ville', 'Tuomas', 'Lauri', 'Jussi'],
    surnames: ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Laine', 'Heikkinen', 'Koskinen', 'Salo', 'Lehtonen'],
  },
  {
    id: 'italian',
    region: 'southern-europe',
    female: ['Giulia', 'Chiara', 'Francesca', 'Alessia', 'Martina', 'Valentina', 'Federica', 'Elisa', 'Serena', 'Beatrice'],
    male: ['Marco', 'Luca', 'Matteo', 'Alessandro', 'Davide', 'Stefano', 'Lorenzo', 'Andrea', 'Riccardo', 'Tommaso'],
    surnames: ['Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Conti', 'De Luca', 'Ferraro', 'Galli', 'Barbieri', 'Fontana'],
  },
  {
    id: 'spanish',
    region: 'southern-europe',
    female: ['Lucía', 'Carmen', 'Elena', 'Marta', 'Paula', 'Alba', 'Irene', 'Nerea', 'Laura', 'Rocío'],
    male: ['Alejandro', 'Javier', 'Sergio', 'Álvaro', 'Iván', 'Hugo', 'Mario', 'Adrián', 'Raúl', 'Íñigo'],
    surnames: ['Fernández', 'López', 'Martínez', 'Sánchez', 'Romero', 'Navarro', 'Ruiz', 'Ortega', 'Serrano', 'Molina', 'Delgado', 'Iglesias'],
  },
  {
    id: 'latin-american',
    region: 'latin-america',
    female: ['Valeria', 'Camila', 'Daniela', 'Ximena', 'Fernanda', 'Mariana', 'Sofía', 'Renata', 'Gabriela', 'Luciana'],
    male: ['Santiago', 'Mateo', 'Emiliano', 'Joaquín', 'Sebastián', 'Andrés', 'Rodrigo', 'Tomás', 'Julián', 'Esteban'],
    surnames: ['Hernández', 'González', 'Ramírez', 'Flores', 'Torres', 'Castillo', 'Vargas', 'Mendoza', 'Rojas', 'Guerrero', 'Herrera', 'Aguilar'],
  },
  {
    id: 'portuguese-brazilian',
    region: 'latin-america',
    female: ['Beatriz', 'Ana', 'Larissa', 'Juliana', 'Carolina', 'Inês', 'Rafaela', 'Letícia', 'Bruna', 'Mariana'],
    male: ['João', 'Gabriel', 'Rafael', 'Thiago', 'Gustavo', 'Felipe', 'Rodrigo', 'Bruno', 'Vinícius', 'Diogo'],
    surnames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Almeida', 'Carvalho', 'Ribeiro', 'Costa', 'Moreira', 'Barbosa', 'Cardoso'],
  },
  {
    id: 'polish',
    region: 'eastern-europe',
    female: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Zofia', 'Natalia', 'Joanna', 'Aleksandra', 'Weronika', 'Małgorzata'],
    male: ['Piotr', 'Tomasz', 'Krzysztof', 'Michał', 'Paweł', 'Jakub', 'Łukasz', 'Wojciech', 'Marcin'],
    surnames: [
      'Nowak',
      gendered('Wiśniewski', 'Wiśniewska'),
      'Wójcik',
      gendered('Kamiński', 'Kamińska'),
      gendered('Zieliński', 'Zielińska'),
      gendered('Szymański', 'Szymańska'),
      gendered('Dąbrowski', 'Dąbrowska'),
      'Mazur',
      'Krawczyk',
      'Kaczmarek',
      'Wróbel',
    ],
  },
  {
    id: 'ukrainian',
    region: 'eastern-europe',
    female: ['Olena', 'Kateryna', 'Oksana', 'Iryna', 'Yulia', 'Daryna', 'Nataliya', 'Solomiya'],
    male: ['Dmytro', 'Andriy', 'Oleksandr', 'Taras', 'Bohdan', 'Mykola', 'Yaroslav', 'Ostap'],
    surnames: ['Kovalenko', 'Bondarenko', 'Melnyk', 'Tkachenko', 'Kravchenko', 'Savchenko', 'Lysenko', 'Marchenko', 'Rudenko', 'Hnatyuk'],
  },
  {
    id: 'russian',
    region: 'eastern-europe',
    female: ['Anastasia', 'Daria', 'Svetlana', 'Ekaterina', 'Polina', 'Ksenia', 'Alina', 'Vera'],
    male: ['Alexei', 'Sergei', 'Ivan', 'Mikhail', 'Pavel', 'Konstantin', 'Artem', 'Nikita'],
    surnames: [
      gendered('Ivanov', 'Ivanova'),
      gendered('Sokolov', 'Sokolova'),
      gendered('Morozov', 'Morozova'),
      gendered('Volkov', 'Volkova'),
      gendered('Lebedev', 'Lebedeva'),
      gendered('Kozlov', 'Kozlova'),
      gendered('Novikov', 'Novikova'),
      gendered('Orlov', 'Orlova'),
      gendered('Zaitsev', 'Zaitseva'),
    ],
  },
  {
    id: 'romanian',
    region: 'eastern-europe',
    female: ['Ioana', 'Andreea', 'Elena', 'Raluca', 'Bianca', 'Mihaela', 'Cristina', 'Alina'],
    male: ['Andrei', 'Mihai', 'Radu', 'Bogdan', 'Vlad', 'Cătălin', 'Ionuț', 'Sorin'],
    surnames: ['Popescu', 'Ionescu', 'Dumitru', 'Stan', 'Constantin', 'Marinescu', 'Georgescu', 'Munteanu', 'Dobre'],
  },
  {
    id: 'greek',
    region: 'southern-europe',
    female: ['Eleni', 'Katerina', 'Sofia', 'Dimitra', 'Georgia', 'Ioanna', 'Despina', 'Vasiliki'],
    male: ['Giorgos', 'Nikos', 'Dimitris', 'Konstantinos', 'Yannis', 'Kostas', 'Alexandros', 'Stavros'],
    surnames: [
      gendered('Papadopoulos', 'Papadopoulou'),
      'Georgiou',
      gendered('Nikolaidis', 'Nikolaidou'),
      gendered('Karagiannis', 'Karagianni'),
      'Oikonomou',
      gendered('Vlachos', 'Vlachou'),
      'Antoniou',
      'Christodoulou',
      gendered('Makris', 'Makri'),
      'Economides',
    ],
  },
  {
    id: 'turkish',
    region: 'middle-east',
    female: ['Elif', 'Zeynep', 'Ayşe', 'Defne', 'Selin', 'Ece', 'Merve', 'Deniz', 'Ebru'],
    male: ['Emre', 'Mehmet', 'Can', 'Burak', 'Kerem', 'Murat', 'Arda', 'Oğuz', 'Serkan'],
    surnames: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Koç', 'Kurt'],
  },
  {
    id: 'arabic',
    region: 'middle-east',
    female: ['Layla', 'Nour', 'Yasmin', 'Mariam', 'Salma', 'Rania', 'Hana', 'Amira', 'Dina', 'Lina'],
    male: ['Omar', 'Karim', 'Youssef', 'Tariq', 'Khalid', 'Samir', 'Hassan', 'Ziad', 'Faris', 'Ahmed'],
    surnames: ['Haddad', 'Mansour', 'Khalil', 'Nasser', 'Saleh', 'Farouk', 'Aziz', 'Hamdan', 'Sabbagh', 'El-Amin', 'Qasim', 'Darwish'],
  },
  {
    id: 'persian',
    region: 'middle-east',
    female: ['Shirin', 'Parisa', 'Leila', 'Nazanin', 'Mahsa', 'Roya', 'Azadeh', 'Yasaman'],
    male: ['Dariush', 'Arash', 'Kaveh', 'Babak', 'Reza', 'Navid', 'Farhad', 'Kian'],
    surnames: ['Hosseini', 'Karimi', 'Rahimi', 'Tehrani', 'Moradi', 'Jafari', 'Sadeghi', 'Farahani', 'Ahmadi', 'Najafi'],
  },
  {
    id: 'hebrew',
    region: 'middle-east',
    female: ['Noa', 'Tamar', 'Maya', 'Shira', 'Yael', 'Michal', 'Ayelet', 'Adi'],
    male: ['Itai', 'Noam', 'Yonatan', 'Eitan', 'Ari', 'Omer', 'Amit', 'Gal'],
    surnames: ['Cohen', 'Levi', 'Mizrahi', 'Peretz', 'Friedman', 'Azoulay', 'Ben-David', 'Shapiro', 'Katz', 'Goldberg'],
  },
  {
    id: 'hindi',
    region: 'south-asia',
    female: ['Priya', 'Ananya', 'Kavya', 'Neha', 'Aditi', 'Pooja', 'Shreya', 'Divya', 'Ishita', 'Meera'],
    male: ['Arjun', 'Rohan', 'Vikram', 'Aditya', 'Rahul', 'Karan', 'Siddharth', 'Ankit', 'Nikhil', 'Varun'],
    surnames: ['Sharma', 'Verma', 'Gupta', 'Mehta', 'Agarwal', 'Malhotra', 'Joshi', 'Saxena', 'Bhatia', 'Trivedi', 'Patel', 'Desai'],
  },
  {
    id: 'south-indian',
    region: 'south-asia',
    female: ['Lakshmi', 'Deepa', 'Anjali', 'Kavitha', 'Nithya', 'Revathi', 'Sanjana', 'Meenakshi', 'Priya'],
    male: ['Karthik', 'Arun', 'Suresh', 'Vignesh', 'Prakash', 'Ramesh', 'Harish', 'Senthil', 'Anand'],
    surnames: ['Raman', 'Iyer', 'Krishnan', 'Subramanian', 'Natarajan', 'Venkatesan', 'Pillai', 'Nair', 'Reddy', 'Rao', 'Menon', 'Srinivasan'],
  },
  {
    id: 'bengali',
    region: 'south-asia',
    female: ['Rupa', 'Moumita', 'Tanushree', 'Sharmila', 'Debjani', 'Riya', 'Ishani', 'Paromita'],
    male: ['Arnab', 'Debashish', 'Ayan', 'Sayan', 'Anirban', 'Partha', 'Subhajit', 'Ritwik'],
    surnames: ['Chatterjee', 'Banerjee', 'Mukherjee', 'Das', 'Sen', 'Bose', 'Ghosh', 'Dutta', 'Sengupta', 'Majumdar'],
  },
  {
    id: 'urdu',
    region: 'south-asia',
    female: ['Ayesha', 'Fatima', 'Zainab', 'Hira', 'Sana', 'Mahnoor', 'Sadia', 'Amna'],
    male: ['Bilal', 'Hamza', 'Usman', 'Faisal', 'Asad', 'Danish', 'Saad', 'Adnan'],
    surnames: ['Qureshi', 'Siddiqui', 'Malik', 'Chaudhry', 'Sheikh', 'Mirza', 'Rana', 'Hashmi', 'Baig', 'Akhtar', 'Rehman'],
  },
  {
    id: 'chinese',
    region: 'east-asia',
    female: ['Mei', 'Xiaoling', 'Yuting', 'Jing', 'Lihua', 'Xinyi', 'Hui', 'Qian', 'Shu', 'Ruoxi'],
    male: ['Wei', 'Jun', 'Hao', 'Lei', 'Tao', 'Jian', 'Zhiwei', 'Bo', 'Yifan', 'Chenguang'],
    surnames: ['Zhang', 'Wang', 'Li', 'Liu', 'Chen', 'Huang', 'Zhao', 'Zhou', 'Wu', 'Lin', 'Xu', 'Sun'],
  },
  {
    id: 'japanese',
    region: 'east-asia',
    female: ['Yuki', 'Haruka', 'Aiko', 'Sakura', 'Emi', 'Rina', 'Kaori', 'Ayaka', 'Misaki'],
    male: ['Haruto', 'Kenji', 'Daiki', 'Ren', 'Sota', 'Hiroshi', 'Kazuki', 'Yuto', 'Kenta'],
    surnames: ['Tanaka', 'Suzuki', 'Takahashi', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Sato', 'Kato', 'Yoshida', 'Mori'],
  },
  {
    id: 'korean',
    region: 'east-asia',
    female: ['Ji-woo', 'Seo-yeon', 'Soo-jin', 'Ha-eun', 'Hye-jin', 'Eun-ji', 'Da-eun', 'Min-seo'],
    male: ['Min-jun', 'Seung-woo', 'Hyun-woo', 'Dong-hyun', 'Jae-won', 'Sung-min', 'Joon-young', 'Tae-hoon'],
    surnames: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Shin'],
  },
  {
    id: 'vietnamese',
    region: 'southeast-asia',
    female: ['Linh', 'Thảo', 'Mai', 'Trang', 'Ngọc', 'Hạnh', 'Lan', 'Vy'],
    male: ['Minh', 'Quang', 'Đức', 'Tuấn', 'Huy', 'Khoa', 'Bảo', 'Long'],
    surnames: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'],
  },
  {
    id: 'filipino',
    region: 'southeast-asia',
    female: ['Angelica', 'Kristine', 'Joy', 'Patricia', 'Camille', 'Bea', 'Rowena', 'Marites'],
    male: ['Jose', 'Paolo', 'Carlo', 'Miguel', 'Jericho', 'Angelo', 'Ramon', 'Nico'],
    surnames: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Villanueva', 'Dela Cruz', 'Ramos', 'Mercado', 'Tolentino'],
  },
  {
    id: 'indonesian-malay',
    region: 'southeast-asia',
    female: ['Putri', 'Dewi', 'Sari', 'Ayu', 'Siti', 'Nurul', 'Intan', 'Aisyah'],
    male: ['Budi', 'Agus', 'Rizky', 'Adi', 'Hendra', 'Fajar', 'Arief', 'Dimas'],
    surnames: ['Santoso', 'Wijaya', 'Pratama', 'Hidayat', 'Saputra', 'Kusuma', 'Halim', 'Gunawan', 'Setiawan', 'Nugroho'],
  },
  {
    id: 'thai',
    region: 'southeast-asia',
    female: ['Siriporn', 'Kanya', 'Pim', 'Naree', 'Malee', 'Arunee', 'Chanya', 'Ploy'],
    male: ['Somchai', 'Anan', 'Kittisak', 'Niran', 'Prasert', 'Thanawat', 'Chaiya', 'Wichai'],
    surnames: ['Srisuk', 'Chaiyaporn', 'Wongsa', 'Rattanakorn', 'Saetang', 'Boonmee', 'Suwannarat', 'Phromma', 'Kittikun'],
  },
  {
    id: 'yoruba',
    region: 'west-africa',
    female: ['Funmilayo', 'Folake', 'Yetunde', 'Temitope', 'Adunni', 'Bukola', 'Omolara', 'Titilayo'],
    male: ['Tunde', 'Babatunde', 'Femi', 'Ayodele', 'Olumide', 'Segun', 'Kayode', 'Dapo'],
    surnames: ['Adeyemi', 'Balogun', 'Adebayo', 'Olawale', 'Ogunleye', 'Afolabi', 'Adewale', 'Oyelaran', 'Bakare', 'Ogundipe'],
  },
  {
    id: 'igbo',
    region: 'west-africa',
    female: ['Adaeze', 'Chiamaka', 'Ngozi', 'Amaka', 'Ifeoma', 'Nneka', 'Chioma', 'Obiageli'],
    male: ['Chinedu', 'Emeka', 'Obinna', 'Ikenna', 'Kelechi', 'Chukwudi', 'Uchenna', 'Nnamdi'],
    surnames: ['Okafor', 'Okonkwo', 'Eze', 'Nwosu', 'Chukwu', 'Okeke', 'Nwachukwu', 'Onyekachi', 'Ibe', 'Anyanwu'],
  },
  {
    id: 'akan',
    region: 'west-africa',
    female: ['Ama', 'Akosua', 'Abena', 'Efua', 'Adwoa', 'Yaa', 'Esi', 'Afua'],
    male: ['Kwame', 'Kwabena', 'Kojo', 'Yaw', 'Kwesi', 'Kwaku', 'Fiifi', 'Kofi'],
    surnames: ['Mensah', 'Asante', 'Owusu', 'Osei', 'Agyeman', 'Darko', 'Ofori', 'Acheampong', 'Amoah', 'Bonsu'],
  },
  {
    id: 'east-african',
    region: 'east-africa',
    female: ['Wanjiru', 'Akinyi', 'Achieng', 'Wairimu', 'Neema', 'Zawadi', 'Nyambura', 'Imani'],
    male: ['Otieno', 'Kamau', 'Baraka', 'Juma', 'Omondi', 'Jabari', 'Kiprono', 'Mwangi'],
    surnames: ['Odhiambo', 'Njoroge', 'Kariuki', 'Mutua', 'Chebet', 'Kimani', 'Ochieng', 'Wafula', 'Mwakasege', 'Onyango'],
  },
  {
    id: 'ethiopian',
    region: 'east-africa',
    female: ['Selam', 'Hiwot', 'Meron', 'Tigist', 'Bethlehem', 'Liya', 'Saba', 'Rahel'],
    male: ['Dawit', 'Yonas', 'Bereket', 'Henok', 'Natnael', 'Tewodros', 'Mikias', 'Samuel'],
    surnames: ['Bekele', 'Haile', 'Girma', 'Alemu', 'Tadesse', 'Kebede', 'Desta', 'Assefa', 'Gebremedhin', 'Mulugeta'],
  },
  {
    id: 'southern-african',
    region: 'southern-africa',
    female: ['Thandiwe', 'Nomvula', 'Lindiwe', 'Zanele', 'Nandi', 'Palesa', 'Ayanda', 'Lerato'],
    male: ['Sipho', 'Thabo', 'Mandla', 'Bongani', 'Lwazi', 'Sizwe', 'Themba', 'Kagiso'],
    surnames: ['Dlamini', 'Nkosi', 'Ndlovu', 'Khumalo', 'Mokoena', 'Mahlangu', 'Mthembu', 'Sithole', 'Molefe', 'Radebe'],
  },
];

/**
 * Full names that belong to well-known people and could still come out of the pools;
 * the generator draws another surname when it meets one. Keys as normalizeKey gives them.
 */
export const FAMOUS_NAMES: ReadonlySet<string> = new Set([
  'thiago silva',
  'rafaela silva',
  'diogo costa',
  'burak yilmaz',
  'anders holm',
  'magnus nilsson',
  'ari shapiro',
  'neha sharma',
  'riya sen',
  'tunde bakare',
  'faisal qureshi',
  'javier fernandez',
  'partha chatterjee',
  'anjali menon',
]);

/**
 * Country hints (the persona's most common account country) lean the name towards that
 * country's naming cultures. Countries whose sales teams and buyers are as varied as
 * their census (US, Canada, UK, Australia, New Zealand) get no lean at all.
 * Keys are normalised: lower case, no diacritics or punctuation.
 */
export const COUNTRY_CULTURES: Readonly<Record<string, readonly string[]>> = (() => {
  const table: [string[], string[]][] = [
    [['ireland', 'ie', 'irl'], ['irish-scottish']],
    [['scotland'], ['irish-scottish', 'english']],
    [['france', 'fr', 'fra', 'belgium', 'be', 'bel', 'luxembourg'], ['french']],
    [['germany', 'de', 'deu', 'austria', 'at', 'aut', 'switzerland', 'ch', 'che'], ['german']],
    [['netherlands', 'the netherlands', 'nl', 'nld', 'holland'], ['dutch']],
    [['sweden', 'se', 'swe', 'norway', 'no', 'nor', 'denmark', 'dk', 'dnk', 'iceland'], ['scandinavian']],
    [['finland', 'fi', 'fin'], ['finnish']],
    [['italy', 'it', 'ita'], ['italian']],
    [['spain', 'es', 'esp'], ['spanish']],
    [
      ['mexico', 'mx', 'mex', 'colombia', 'co', 'argentina', 'ar', 'chile', 'cl', 'peru', 'pe', 'ecuador', 'venezuela', 'uruguay', 'guatemala', 'costa rica'],
      ['latin-american'],
    ],
    [['brazil', 'br', 'bra', 'brasil', 'portugal', 'pt', 'prt'], ['portuguese-brazilian']],
    [['poland', 'pl', 'pol'], ['polish']],
    [['ukraine', 'ua', 'ukr'], ['ukrainian']],
    [['russia', 'russian federation', 'ru', 'rus'], ['russian']],
    [['romania', 'ro', 'rou', 'moldova'], ['romanian']],
    [['greece', 'gr', 'grc', 'cyprus'], ['greek']],
    [['turkey', 'turkiye', 'tr', 'tur'], ['turkish']],
    [
      [
        'egypt',
        'eg',
        'saudi arabia',
        'sa',
        'united arab emirates',
        'uae',
        'ae',
        'jordan',
        'lebanon',
        'morocco',
        'qatar',
        'kuwait',
        'oman',
        'bahrain',
        'tunisia',
        'algeria',
        'iraq',
      ],
      ['arabic'],
    ],
    [['iran', 'ir', 'irn'], ['persian']],
    [['israel', 'il', 'isr'], ['hebrew']],
    [
      ['india', 'in', 'ind'],
      ['hindi', 'south-indian', 'bengali'],
    ],
    [['pakistan', 'pk', 'pak'], ['urdu']],
    [['bangladesh', 'bd', 'bgd'], ['bengali']],
    [['china', 'cn', 'chn', 'taiwan', 'tw', 'hong kong', 'hk', 'singapore', 'sg'], ['chinese']],
    [['japan', 'jp', 'jpn'], ['japanese']],
    [['south korea', 'korea', 'republic of korea', 'kr', 'kor'], ['korean']],
    [['vietnam', 'viet nam', 'vn', 'vnm'], ['vietnamese']],
    [['philippines', 'ph', 'phl'], ['filipino']],
    [['indonesia', 'id', 'idn', 'malaysia', 'my', 'mys'], ['indonesian-malay']],
    [['thailand', 'th', 'tha'], ['thai']],
    [
      ['nigeria', 'ng', 'nga'],
      ['yoruba', 'igbo'],
    ],
    [['ghana', 'gh', 'gha'], ['akan']],
    [['kenya', 'ke', 'ken', 'tanzania', 'tz', 'uganda', 'ug'], ['east-african']],
    [['ethiopia', 'et', 'eth'], ['ethiopian']],
    [['south africa', 'za', 'zaf', 'botswana', 'lesotho', 'zimbabwe'], ['southern-african']],
  ];
  const out: Record<string, readonly string[]> = {};
  for (const [keys, cultures] of table) for (const key of keys) out[key] = cultures;
  return out;
})();

/** "Côte d'Ivoire " → "cote divoire", "U.S.A." → "usa". */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
