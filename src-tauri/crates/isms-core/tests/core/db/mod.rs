mod backup;
mod damage;
mod damage_corpus;
mod migrate;
mod open;
mod passphrase;
mod restore;
mod write;
